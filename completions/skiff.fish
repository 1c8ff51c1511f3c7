# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_skiff_global_optspecs
    string join \n c/kubeconfig= context= n/namespace= i/istioNamespace= color= h/help V/version
end

function __fish_skiff_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_skiff_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_skiff_using_subcommand
    set -l cmd (__fish_skiff_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c skiff -n "__fish_skiff_needs_command" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_needs_command" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_needs_command" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_needs_command" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_needs_command" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_needs_command" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_needs_command" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "install" -d 'Install or upgrade Istio on a cluster (aliases: apply, upgrade)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "apply" -d 'Install or upgrade Istio on a cluster (aliases: apply, upgrade)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "upgrade" -d 'Install or upgrade Istio on a cluster (aliases: apply, upgrade)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "manifest" -d 'Generate or work with Istio manifests'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "profile" -d 'List, dump or diff Istio configuration profiles'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "verify-install" -d 'Verify that an Istio installation is complete and ready'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "uninstall" -d 'Remove Istio from a cluster'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "kube-inject" -d 'Inject the Istio sidecar into Kubernetes manifests'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "kube-uninject" -d 'Remove the Istio sidecar from Kubernetes manifests injected by kube-inject'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "analyze" -d 'Analyze Istio configuration and report problems'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "dashboard" -d 'Open a mesh dashboard or proxy admin UI by port-forwarding'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "dash" -d 'Open a mesh dashboard or proxy admin UI by port-forwarding'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "d" -d 'Open a mesh dashboard or proxy admin UI by port-forwarding'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "validate" -d 'Validate Istio resources in files'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "v" -d 'Validate Istio resources in files'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "version" -d 'Print the client, control-plane and Kubernetes versions'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "completion" -d 'Generate a shell completion script'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand install" -s f -l filename -d 'IstioOperator files, overlaid left to right ("-" = stdin, last only)' -r
complete -c skiff -n "__fish_skiff_using_subcommand install" -s s -l set -d 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...' -r
complete -c skiff -n "__fish_skiff_using_subcommand install" -s r -l revision -d 'Control-plane revision (alias of --set revision=)' -r
complete -c skiff -n "__fish_skiff_using_subcommand install" -s d -l manifests -d 'Directory of charts and profiles: not supported yet (skiff renders Istio 1.30.3, built in)' -r
complete -c skiff -n "__fish_skiff_using_subcommand install" -l readiness-timeout -d 'Maximum time to wait for resources to be ready' -r
complete -c skiff -n "__fish_skiff_using_subcommand install" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand install" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand install" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand install" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand install" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand install" -l force -d 'Proceed despite validation errors'
complete -c skiff -n "__fish_skiff_using_subcommand install" -s y -l skip-confirmation -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand install" -l dry-run -d 'Change nothing; show the diff against the live cluster'
complete -c skiff -n "__fish_skiff_using_subcommand install" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand install" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand apply" -s f -l filename -d 'IstioOperator files, overlaid left to right ("-" = stdin, last only)' -r
complete -c skiff -n "__fish_skiff_using_subcommand apply" -s s -l set -d 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...' -r
complete -c skiff -n "__fish_skiff_using_subcommand apply" -s r -l revision -d 'Control-plane revision (alias of --set revision=)' -r
complete -c skiff -n "__fish_skiff_using_subcommand apply" -s d -l manifests -d 'Directory of charts and profiles: not supported yet (skiff renders Istio 1.30.3, built in)' -r
complete -c skiff -n "__fish_skiff_using_subcommand apply" -l readiness-timeout -d 'Maximum time to wait for resources to be ready' -r
complete -c skiff -n "__fish_skiff_using_subcommand apply" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand apply" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand apply" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand apply" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand apply" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand apply" -l force -d 'Proceed despite validation errors'
complete -c skiff -n "__fish_skiff_using_subcommand apply" -s y -l skip-confirmation -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand apply" -l dry-run -d 'Change nothing; show the diff against the live cluster'
complete -c skiff -n "__fish_skiff_using_subcommand apply" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand apply" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand upgrade" -s f -l filename -d 'IstioOperator files, overlaid left to right ("-" = stdin, last only)' -r
complete -c skiff -n "__fish_skiff_using_subcommand upgrade" -s s -l set -d 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...' -r
complete -c skiff -n "__fish_skiff_using_subcommand upgrade" -s r -l revision -d 'Control-plane revision (alias of --set revision=)' -r
complete -c skiff -n "__fish_skiff_using_subcommand upgrade" -s d -l manifests -d 'Directory of charts and profiles: not supported yet (skiff renders Istio 1.30.3, built in)' -r
complete -c skiff -n "__fish_skiff_using_subcommand upgrade" -l readiness-timeout -d 'Maximum time to wait for resources to be ready' -r
complete -c skiff -n "__fish_skiff_using_subcommand upgrade" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand upgrade" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand upgrade" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand upgrade" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand upgrade" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand upgrade" -l force -d 'Proceed despite validation errors'
complete -c skiff -n "__fish_skiff_using_subcommand upgrade" -s y -l skip-confirmation -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand upgrade" -l dry-run -d 'Change nothing; show the diff against the live cluster'
complete -c skiff -n "__fish_skiff_using_subcommand upgrade" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand upgrade" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and not __fish_seen_subcommand_from generate diff help" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and not __fish_seen_subcommand_from generate diff help" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and not __fish_seen_subcommand_from generate diff help" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and not __fish_seen_subcommand_from generate diff help" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and not __fish_seen_subcommand_from generate diff help" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and not __fish_seen_subcommand_from generate diff help" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and not __fish_seen_subcommand_from generate diff help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and not __fish_seen_subcommand_from generate diff help" -f -a "generate" -d 'Generate the Kubernetes manifests of an Istio installation (offline)'
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and not __fish_seen_subcommand_from generate diff help" -f -a "diff" -d 'Compare two manifests (files or directories) object by object (exit 1 when they differ)'
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and not __fish_seen_subcommand_from generate diff help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s f -l filename -d 'IstioOperator files, overlaid left to right ("-" = stdin, last only)' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s s -l set -d 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s r -l revision -d 'Control-plane revision (alias of --set revision=)' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s d -l manifests -d 'Directory of charts and profiles: not supported yet (skiff renders Istio 1.30.3, built in)' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s o -l output -d 'Write to this file, or one file per component into this directory' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l force -d 'Proceed despite validation errors'
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l cluster-specific -d 'Check the render against the cluster of the kubeconfig (its Kubernetes version)'
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from diff" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from diff" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from diff" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from diff" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from diff" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Generate the Kubernetes manifests of an Istio installation (offline)'
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Compare two manifests (files or directories) object by object (exit 1 when they differ)'
complete -c skiff -n "__fish_skiff_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -f -a "list" -d 'List the built-in configuration profiles'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -f -a "dump" -d 'Dump a profile (or the merge of -f files) as an IstioOperator'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -f -a "diff" -d 'Show the differences between two profiles or files (exit 1 when they differ)'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from list" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from list" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from list" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from list" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from list" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from dump" -s f -l filename -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from dump" -s p -l config-path -d 'Only this subtree, e.g. components.pilot' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from dump" -s o -l output -d 'Output format' -r -f -a "yaml\t''
json\t''
flags\t''"
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from dump" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from dump" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from dump" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from dump" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from dump" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from dump" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from dump" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from diff" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from diff" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from diff" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from diff" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from diff" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the built-in configuration profiles'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "dump" -d 'Dump a profile (or the merge of -f files) as an IstioOperator'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Show the differences between two profiles or files (exit 1 when they differ)'
complete -c skiff -n "__fish_skiff_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand verify-install" -s f -l filename -d 'IstioOperator or manifest files to verify against' -r
complete -c skiff -n "__fish_skiff_using_subcommand verify-install" -s r -l revision -d 'Control-plane revision' -r
complete -c skiff -n "__fish_skiff_using_subcommand verify-install" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand verify-install" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand verify-install" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand verify-install" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand verify-install" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand verify-install" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand verify-install" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand uninstall" -s f -l filename -d 'The IstioOperator the installation was made from' -r
complete -c skiff -n "__fish_skiff_using_subcommand uninstall" -s r -l revision -d 'Control-plane revision to remove' -r
complete -c skiff -n "__fish_skiff_using_subcommand uninstall" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand uninstall" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand uninstall" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand uninstall" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand uninstall" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand uninstall" -l purge -d 'Remove everything Istio owns, including CRDs and cluster-wide objects'
complete -c skiff -n "__fish_skiff_using_subcommand uninstall" -s y -l skip-confirmation -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand uninstall" -l dry-run -d 'List what would be removed, change nothing'
complete -c skiff -n "__fish_skiff_using_subcommand uninstall" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand uninstall" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -s f -l filename -d 'Input manifest file or directory ("-" = stdin)' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -s o -l output -d 'Output file (default stdout); written atomically, so it may be the input file' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -l meshConfigFile -d 'Mesh configuration file (MeshConfig YAML)' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -l valuesFile -d 'Injection values file (JSON or YAML)' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -l injectConfigFile -d 'Injector config file (policy, selectors, injectedAnnotations, templates; or the istio-sidecar-injector ConfigMap, whose values are used too)' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -l use-kube -d 'Read values, injector config and mesh config from the cluster\'s ConfigMaps (files given with the flags above take their place)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -l injectConfigMapName -d 'Injector ConfigMap read with --use-kube (`-<revision>` is appended)' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -l meshConfigMapName -d 'Mesh ConfigMap read with --use-kube (`-<revision>` is appended)' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -l operatorFileName -d 'IstioOperator file: injection is configured as its installation would be' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -s r -l revision -d 'Control-plane revision' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -s s -l set -d 'Override a value, e.g. values.global.proxy.statusPort=15021 (repeatable)' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -l reinject -d 'Replace the sidecar of already injected workloads with the current one (--reinject=false keeps them as they are)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -l diff -d 'Print a unified diff of each input and its injected form instead of the output'
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand kube-inject" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand kube-uninject" -s f -l filename -d 'Input manifest file or directory ("-" = stdin)' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-uninject" -s o -l output -d 'Output file (default stdout); written atomically, so it may be the input file' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-uninject" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-uninject" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-uninject" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-uninject" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand kube-uninject" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand kube-uninject" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand kube-uninject" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -s k -l use-kube -d 'Use the live cluster (--use-kube=false for files only)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -s o -l output -d 'Output format' -r -f -a "log\t''
json\t''
yaml\t''
sarif\t''"
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -l output-threshold -d 'Lowest level printed' -r -f -a "info\t''
warning\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -l failure-threshold -d 'Lowest level that makes the exit code 79' -r -f -a "info\t''
warning\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -s S -l suppress -d 'Suppress messages: \'CODE=Kind ns/name\' with * wildcards, e.g. "IST0102=Namespace *"' -r
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -l analyzer -d 'Run only these analyzers (repeatable)' -r
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -l meshConfigFile -d 'Mesh configuration file (a bare MeshConfig)' -r
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -l meshNetworksFile -d 'Mesh networks file' -r
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -s r -l revision -d 'Control-plane revision' -r
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -l timeout -d 'Time limit for reading the cluster' -r
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -l remote-contexts -d 'Kubeconfig contexts of the mesh\'s other clusters (default: Istio\'s remote secrets)' -r
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -s A -l all-namespaces -d 'Analyze all namespaces'
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -s L -l list-analyzers -d 'List the analyzers and exit'
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -s v -l verbose -d 'List executed analyzers and skipped files on stderr'
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -l ignore-unknown -d 'Do not fail on files that cannot be parsed'
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -l istioctl-files -d 'Read files as istioctl does: ignore their Service, Namespace, Node, Pod and Secret documents (with --use-kube=false, the analyzers that need those kinds do not run)'
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -a "explain" -d 'Explain a message code: what it means and how to fix it'
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and not __fish_seen_subcommand_from explain help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and __fish_seen_subcommand_from explain" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and __fish_seen_subcommand_from explain" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and __fish_seen_subcommand_from explain" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and __fish_seen_subcommand_from explain" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and __fish_seen_subcommand_from explain" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and __fish_seen_subcommand_from explain" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and __fish_seen_subcommand_from explain" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and __fish_seen_subcommand_from help" -f -a "explain" -d 'Explain a message code: what it means and how to fix it'
complete -c skiff -n "__fish_skiff_using_subcommand analyze; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "kiali" -d 'Kiali (app=kiali, port 20001)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "prometheus" -d 'Prometheus (port 9090)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "grafana" -d 'Grafana (port 3000)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "jaeger" -d 'Jaeger (port 16686)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "zipkin" -d 'Zipkin (port 9411)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "skywalking" -d 'SkyWalking UI (port 8080)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "loki" -d 'Loki (port 3100)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "envoy" -d 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "proxy" -d 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "controlz" -d 'ControlZ of an istiod pod (port 9876)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "istiod-debug" -d 'istiod debug endpoints (port 15014, /debug)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from kiali" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from kiali" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from kiali" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from kiali" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from kiali" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from kiali" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from kiali" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from kiali" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from kiali" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from kiali" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from kiali" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from kiali" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from kiali" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from prometheus" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from prometheus" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from prometheus" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from prometheus" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from prometheus" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from prometheus" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from prometheus" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from prometheus" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from prometheus" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from prometheus" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from prometheus" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from prometheus" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from prometheus" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from grafana" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from grafana" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from grafana" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from grafana" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from grafana" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from grafana" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from grafana" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from grafana" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from grafana" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from grafana" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from grafana" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from grafana" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from grafana" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from jaeger" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from jaeger" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from jaeger" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from jaeger" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from jaeger" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from jaeger" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from jaeger" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from jaeger" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from jaeger" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from jaeger" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from jaeger" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from jaeger" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from jaeger" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from zipkin" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from zipkin" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from zipkin" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from zipkin" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from zipkin" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from zipkin" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from zipkin" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from zipkin" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from zipkin" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from zipkin" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from zipkin" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from zipkin" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from zipkin" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from skywalking" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from skywalking" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from skywalking" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from skywalking" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from skywalking" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from skywalking" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from skywalking" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from skywalking" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from skywalking" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from skywalking" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from skywalking" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from skywalking" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from skywalking" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from loki" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from loki" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from loki" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from loki" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from loki" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from loki" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from loki" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from loki" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from loki" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from loki" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from loki" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from loki" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from loki" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from envoy" -s l -l selector -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from envoy" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from envoy" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from envoy" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from envoy" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from envoy" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from envoy" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from envoy" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from envoy" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from envoy" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from envoy" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from envoy" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from envoy" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from envoy" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from proxy" -s l -l selector -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from proxy" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from proxy" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from proxy" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from proxy" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from proxy" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from proxy" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from proxy" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from proxy" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from proxy" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from proxy" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from proxy" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from proxy" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from proxy" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from controlz" -s l -l selector -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from controlz" -s r -l revision -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from controlz" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from controlz" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from controlz" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from controlz" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from controlz" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from controlz" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from controlz" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from controlz" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from controlz" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from controlz" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from controlz" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from controlz" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from controlz" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from istiod-debug" -s l -l selector -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from istiod-debug" -s r -l revision -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from istiod-debug" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from istiod-debug" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from istiod-debug" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from istiod-debug" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from istiod-debug" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from istiod-debug" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from istiod-debug" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from istiod-debug" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from istiod-debug" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from istiod-debug" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from istiod-debug" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from istiod-debug" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from istiod-debug" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from help" -f -a "kiali" -d 'Kiali (app=kiali, port 20001)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from help" -f -a "prometheus" -d 'Prometheus (port 9090)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from help" -f -a "grafana" -d 'Grafana (port 3000)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from help" -f -a "jaeger" -d 'Jaeger (port 16686)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from help" -f -a "zipkin" -d 'Zipkin (port 9411)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from help" -f -a "skywalking" -d 'SkyWalking UI (port 8080)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from help" -f -a "loki" -d 'Loki (port 3100)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from help" -f -a "envoy" -d 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from help" -f -a "controlz" -d 'ControlZ of an istiod pod (port 9876)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from help" -f -a "istiod-debug" -d 'istiod debug endpoints (port 15014, /debug)'
complete -c skiff -n "__fish_skiff_using_subcommand dashboard; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "kiali" -d 'Kiali (app=kiali, port 20001)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "prometheus" -d 'Prometheus (port 9090)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "grafana" -d 'Grafana (port 3000)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "jaeger" -d 'Jaeger (port 16686)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "zipkin" -d 'Zipkin (port 9411)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "skywalking" -d 'SkyWalking UI (port 8080)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "loki" -d 'Loki (port 3100)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "envoy" -d 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "proxy" -d 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "controlz" -d 'ControlZ of an istiod pod (port 9876)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "istiod-debug" -d 'istiod debug endpoints (port 15014, /debug)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from kiali" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from kiali" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from kiali" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from kiali" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from kiali" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from kiali" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from kiali" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from kiali" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from kiali" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from kiali" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from kiali" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from kiali" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from kiali" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from prometheus" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from prometheus" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from prometheus" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from prometheus" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from prometheus" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from prometheus" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from prometheus" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from prometheus" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from prometheus" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from prometheus" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from prometheus" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from prometheus" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from prometheus" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from grafana" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from grafana" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from grafana" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from grafana" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from grafana" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from grafana" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from grafana" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from grafana" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from grafana" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from grafana" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from grafana" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from grafana" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from grafana" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from jaeger" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from jaeger" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from jaeger" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from jaeger" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from jaeger" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from jaeger" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from jaeger" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from jaeger" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from jaeger" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from jaeger" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from jaeger" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from jaeger" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from jaeger" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from zipkin" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from zipkin" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from zipkin" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from zipkin" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from zipkin" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from zipkin" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from zipkin" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from zipkin" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from zipkin" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from zipkin" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from zipkin" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from zipkin" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from zipkin" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from skywalking" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from skywalking" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from skywalking" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from skywalking" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from skywalking" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from skywalking" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from skywalking" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from skywalking" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from skywalking" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from skywalking" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from skywalking" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from skywalking" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from skywalking" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from loki" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from loki" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from loki" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from loki" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from loki" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from loki" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from loki" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from loki" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from loki" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from loki" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from loki" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from loki" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from loki" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from envoy" -s l -l selector -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from envoy" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from envoy" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from envoy" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from envoy" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from envoy" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from envoy" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from envoy" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from envoy" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from envoy" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from envoy" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from envoy" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from envoy" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from envoy" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from proxy" -s l -l selector -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from proxy" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from proxy" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from proxy" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from proxy" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from proxy" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from proxy" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from proxy" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from proxy" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from proxy" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from proxy" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from proxy" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from proxy" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from proxy" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from controlz" -s l -l selector -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from controlz" -s r -l revision -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from controlz" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from controlz" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from controlz" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from controlz" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from controlz" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from controlz" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from controlz" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from controlz" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from controlz" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from controlz" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from controlz" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from controlz" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from controlz" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from istiod-debug" -s l -l selector -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from istiod-debug" -s r -l revision -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from istiod-debug" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from istiod-debug" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from istiod-debug" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from istiod-debug" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from istiod-debug" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from istiod-debug" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from istiod-debug" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from istiod-debug" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from istiod-debug" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from istiod-debug" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from istiod-debug" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from istiod-debug" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from istiod-debug" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from help" -f -a "kiali" -d 'Kiali (app=kiali, port 20001)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from help" -f -a "prometheus" -d 'Prometheus (port 9090)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from help" -f -a "grafana" -d 'Grafana (port 3000)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from help" -f -a "jaeger" -d 'Jaeger (port 16686)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from help" -f -a "zipkin" -d 'Zipkin (port 9411)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from help" -f -a "skywalking" -d 'SkyWalking UI (port 8080)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from help" -f -a "loki" -d 'Loki (port 3100)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from help" -f -a "envoy" -d 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from help" -f -a "controlz" -d 'ControlZ of an istiod pod (port 9876)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from help" -f -a "istiod-debug" -d 'istiod debug endpoints (port 15014, /debug)'
complete -c skiff -n "__fish_skiff_using_subcommand dash; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "kiali" -d 'Kiali (app=kiali, port 20001)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "prometheus" -d 'Prometheus (port 9090)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "grafana" -d 'Grafana (port 3000)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "jaeger" -d 'Jaeger (port 16686)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "zipkin" -d 'Zipkin (port 9411)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "skywalking" -d 'SkyWalking UI (port 8080)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "loki" -d 'Loki (port 3100)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "envoy" -d 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "proxy" -d 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "controlz" -d 'ControlZ of an istiod pod (port 9876)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "istiod-debug" -d 'istiod debug endpoints (port 15014, /debug)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and not __fish_seen_subcommand_from kiali prometheus grafana jaeger zipkin skywalking loki envoy proxy controlz istiod-debug help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from kiali" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from kiali" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from kiali" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from kiali" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from kiali" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from kiali" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from kiali" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from kiali" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from kiali" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from kiali" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from kiali" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from kiali" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from kiali" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from prometheus" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from prometheus" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from prometheus" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from prometheus" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from prometheus" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from prometheus" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from prometheus" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from prometheus" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from prometheus" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from prometheus" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from prometheus" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from prometheus" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from prometheus" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from grafana" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from grafana" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from grafana" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from grafana" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from grafana" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from grafana" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from grafana" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from grafana" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from grafana" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from grafana" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from grafana" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from grafana" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from grafana" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from jaeger" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from jaeger" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from jaeger" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from jaeger" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from jaeger" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from jaeger" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from jaeger" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from jaeger" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from jaeger" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from jaeger" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from jaeger" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from jaeger" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from jaeger" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from zipkin" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from zipkin" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from zipkin" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from zipkin" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from zipkin" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from zipkin" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from zipkin" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from zipkin" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from zipkin" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from zipkin" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from zipkin" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from zipkin" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from zipkin" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from skywalking" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from skywalking" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from skywalking" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from skywalking" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from skywalking" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from skywalking" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from skywalking" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from skywalking" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from skywalking" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from skywalking" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from skywalking" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from skywalking" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from skywalking" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from loki" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from loki" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from loki" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from loki" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from loki" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from loki" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from loki" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from loki" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from loki" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from loki" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from loki" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from loki" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from loki" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from envoy" -s l -l selector -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from envoy" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from envoy" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from envoy" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from envoy" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from envoy" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from envoy" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from envoy" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from envoy" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from envoy" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from envoy" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from envoy" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from envoy" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from envoy" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from proxy" -s l -l selector -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from proxy" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from proxy" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from proxy" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from proxy" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from proxy" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from proxy" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from proxy" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from proxy" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from proxy" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from proxy" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from proxy" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from proxy" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from proxy" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from controlz" -s l -l selector -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from controlz" -s r -l revision -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from controlz" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from controlz" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from controlz" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from controlz" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from controlz" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from controlz" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from controlz" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from controlz" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from controlz" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from controlz" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from controlz" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from controlz" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from controlz" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from istiod-debug" -s l -l selector -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from istiod-debug" -s r -l revision -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from istiod-debug" -l address -d 'Local address to listen on (localhost = 127.0.0.1 and ::1)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from istiod-debug" -s p -l port -d 'Local port (0 = the remote port if free, else any free port)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from istiod-debug" -l browser -d 'Open a browser' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from istiod-debug" -l ui-port -d 'Remote port of the UI (default: the component\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from istiod-debug" -l timeout -d 'How long to wait for the UI to answer' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from istiod-debug" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from istiod-debug" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from istiod-debug" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from istiod-debug" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from istiod-debug" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from istiod-debug" -l print-url -d 'Print the URL once the UI answers and keep forwarding (no browser)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from istiod-debug" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from istiod-debug" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from help" -f -a "kiali" -d 'Kiali (app=kiali, port 20001)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from help" -f -a "prometheus" -d 'Prometheus (port 9090)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from help" -f -a "grafana" -d 'Grafana (port 3000)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from help" -f -a "jaeger" -d 'Jaeger (port 16686)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from help" -f -a "zipkin" -d 'Zipkin (port 9411)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from help" -f -a "skywalking" -d 'SkyWalking UI (port 8080)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from help" -f -a "loki" -d 'Loki (port 3100)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from help" -f -a "envoy" -d 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from help" -f -a "controlz" -d 'ControlZ of an istiod pod (port 9876)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from help" -f -a "istiod-debug" -d 'istiod debug endpoints (port 15014, /debug)'
complete -c skiff -n "__fish_skiff_using_subcommand d; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand validate" -s f -l filename -d 'Files or directories to validate ("-" = stdin); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand validate" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand validate" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand validate" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand validate" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand validate" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand validate" -s x -l referential -d 'Also check references between resources (accepted for istioctl compatibility)'
complete -c skiff -n "__fish_skiff_using_subcommand validate" -l webhook-only -d 'Check only istiod\'s webhook rules, as istioctl validate does (skip the CRD schema and CEL rules that the API server also enforces)'
complete -c skiff -n "__fish_skiff_using_subcommand validate" -l schema-only -d 'Check only what the API server enforces from the CRDs (their structural schema and CEL rules), as a server-side dry run without istiod\'s webhook'
complete -c skiff -n "__fish_skiff_using_subcommand validate" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand validate" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand v" -s f -l filename -d 'Files or directories to validate ("-" = stdin); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand v" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand v" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand v" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand v" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand v" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand v" -s x -l referential -d 'Also check references between resources (accepted for istioctl compatibility)'
complete -c skiff -n "__fish_skiff_using_subcommand v" -l webhook-only -d 'Check only istiod\'s webhook rules, as istioctl validate does (skip the CRD schema and CEL rules that the API server also enforces)'
complete -c skiff -n "__fish_skiff_using_subcommand v" -l schema-only -d 'Check only what the API server enforces from the CRDs (their structural schema and CEL rules), as a server-side dry run without istiod\'s webhook'
complete -c skiff -n "__fish_skiff_using_subcommand v" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand v" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand version" -l remote -d 'Also ask the cluster for its versions (--remote=false for the client only)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand version" -s o -l output -d 'Output format (default: text)' -r -f -a "yaml\t''
json\t''"
complete -c skiff -n "__fish_skiff_using_subcommand version" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand version" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand version" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand version" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand version" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand version" -s s -l short -d 'Print only the Istio version this client targets'
complete -c skiff -n "__fish_skiff_using_subcommand version" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand version" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand completion" -s c -l kubeconfig -d 'Kubernetes configuration file' -r
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l context -d 'Kubernetes configuration context' -r
complete -c skiff -n "__fish_skiff_using_subcommand completion" -s n -l namespace -d 'Kubernetes namespace (default: the context\'s namespace, else "default")' -r
complete -c skiff -n "__fish_skiff_using_subcommand completion" -s i -l istioNamespace -d 'Istio system namespace' -r
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l color -d 'When to use colour: auto, always, never (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c skiff -n "__fish_skiff_using_subcommand completion" -s h -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand completion" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from install manifest profile verify-install uninstall kube-inject kube-uninject analyze dashboard validate version completion help" -f -a "install" -d 'Install or upgrade Istio on a cluster (aliases: apply, upgrade)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from install manifest profile verify-install uninstall kube-inject kube-uninject analyze dashboard validate version completion help" -f -a "manifest" -d 'Generate or work with Istio manifests'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from install manifest profile verify-install uninstall kube-inject kube-uninject analyze dashboard validate version completion help" -f -a "profile" -d 'List, dump or diff Istio configuration profiles'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from install manifest profile verify-install uninstall kube-inject kube-uninject analyze dashboard validate version completion help" -f -a "verify-install" -d 'Verify that an Istio installation is complete and ready'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from install manifest profile verify-install uninstall kube-inject kube-uninject analyze dashboard validate version completion help" -f -a "uninstall" -d 'Remove Istio from a cluster'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from install manifest profile verify-install uninstall kube-inject kube-uninject analyze dashboard validate version completion help" -f -a "kube-inject" -d 'Inject the Istio sidecar into Kubernetes manifests'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from install manifest profile verify-install uninstall kube-inject kube-uninject analyze dashboard validate version completion help" -f -a "kube-uninject" -d 'Remove the Istio sidecar from Kubernetes manifests injected by kube-inject'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from install manifest profile verify-install uninstall kube-inject kube-uninject analyze dashboard validate version completion help" -f -a "analyze" -d 'Analyze Istio configuration and report problems'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from install manifest profile verify-install uninstall kube-inject kube-uninject analyze dashboard validate version completion help" -f -a "dashboard" -d 'Open a mesh dashboard or proxy admin UI by port-forwarding'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from install manifest profile verify-install uninstall kube-inject kube-uninject analyze dashboard validate version completion help" -f -a "validate" -d 'Validate Istio resources in files'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from install manifest profile verify-install uninstall kube-inject kube-uninject analyze dashboard validate version completion help" -f -a "version" -d 'Print the client, control-plane and Kubernetes versions'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from install manifest profile verify-install uninstall kube-inject kube-uninject analyze dashboard validate version completion help" -f -a "completion" -d 'Generate a shell completion script'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from install manifest profile verify-install uninstall kube-inject kube-uninject analyze dashboard validate version completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "generate" -d 'Generate the Kubernetes manifests of an Istio installation (offline)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "diff" -d 'Compare two manifests (files or directories) object by object (exit 1 when they differ)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List the built-in configuration profiles'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "dump" -d 'Dump a profile (or the merge of -f files) as an IstioOperator'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "diff" -d 'Show the differences between two profiles or files (exit 1 when they differ)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from analyze" -f -a "explain" -d 'Explain a message code: what it means and how to fix it'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from dashboard" -f -a "kiali" -d 'Kiali (app=kiali, port 20001)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from dashboard" -f -a "prometheus" -d 'Prometheus (port 9090)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from dashboard" -f -a "grafana" -d 'Grafana (port 3000)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from dashboard" -f -a "jaeger" -d 'Jaeger (port 16686)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from dashboard" -f -a "zipkin" -d 'Zipkin (port 9411)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from dashboard" -f -a "skywalking" -d 'SkyWalking UI (port 8080)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from dashboard" -f -a "loki" -d 'Loki (port 3100)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from dashboard" -f -a "envoy" -d 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from dashboard" -f -a "controlz" -d 'ControlZ of an istiod pod (port 9876)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from dashboard" -f -a "istiod-debug" -d 'istiod debug endpoints (port 15014, /debug)'
