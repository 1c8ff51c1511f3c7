// goregexp: Go's regexp.Compile over patterns, one per line of standard input, each
// given as a Go-quoted string; prints "ok" or the Go-quoted error for each.
// tests/it/go_regexp.rs compares skiff's model::go_regexp with it.
package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strconv"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		pattern, err := strconv.Unquote(in.Text())
		if err != nil {
			fmt.Fprintln(os.Stderr, "bad input line:", err)
			os.Exit(2)
		}
		if _, err := regexp.Compile(pattern); err != nil {
			fmt.Fprintln(out, strconv.Quote(err.Error()))
		} else {
			fmt.Fprintln(out, "ok")
		}
	}
}
