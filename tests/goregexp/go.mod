module skiff.local/goregexp

go 1.22
