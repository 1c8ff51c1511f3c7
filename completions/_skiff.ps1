
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'skiff' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'skiff'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'skiff' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install or upgrade Istio on a cluster (aliases: apply, upgrade)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Install or upgrade Istio on a cluster (aliases: apply, upgrade)')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Install or upgrade Istio on a cluster (aliases: apply, upgrade)')
            [CompletionResult]::new('manifest', 'manifest', [CompletionResultType]::ParameterValue, 'Generate or work with Istio manifests')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'List, dump or diff Istio configuration profiles')
            [CompletionResult]::new('verify-install', 'verify-install', [CompletionResultType]::ParameterValue, 'Verify that an Istio installation is complete and ready')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove Istio from a cluster')
            [CompletionResult]::new('kube-inject', 'kube-inject', [CompletionResultType]::ParameterValue, 'Inject the Istio sidecar into Kubernetes manifests')
            [CompletionResult]::new('kube-uninject', 'kube-uninject', [CompletionResultType]::ParameterValue, 'Remove the Istio sidecar from Kubernetes manifests injected by kube-inject')
            [CompletionResult]::new('analyze', 'analyze', [CompletionResultType]::ParameterValue, 'Analyze Istio configuration and report problems')
            [CompletionResult]::new('dashboard', 'dashboard', [CompletionResultType]::ParameterValue, 'Open a mesh dashboard or proxy admin UI by port-forwarding')
            [CompletionResult]::new('dash', 'dash', [CompletionResultType]::ParameterValue, 'Open a mesh dashboard or proxy admin UI by port-forwarding')
            [CompletionResult]::new('d', 'd', [CompletionResultType]::ParameterValue, 'Open a mesh dashboard or proxy admin UI by port-forwarding')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Validate Istio resources in files')
            [CompletionResult]::new('v', 'v', [CompletionResultType]::ParameterValue, 'Validate Istio resources in files')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the client, control-plane and Kubernetes versions')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Generate a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'skiff;install' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator files, overlaid left to right ("-" = stdin, last only)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator files, overlaid left to right ("-" = stdin, last only)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control-plane revision (alias of --set revision=)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control-plane revision (alias of --set revision=)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Directory of charts and profiles: not supported yet (skiff renders Istio 1.30.3, built in)')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'Directory of charts and profiles: not supported yet (skiff renders Istio 1.30.3, built in)')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'Maximum time to wait for resources to be ready')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Proceed despite validation errors')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Change nothing; show the diff against the live cluster')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator files, overlaid left to right ("-" = stdin, last only)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator files, overlaid left to right ("-" = stdin, last only)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control-plane revision (alias of --set revision=)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control-plane revision (alias of --set revision=)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Directory of charts and profiles: not supported yet (skiff renders Istio 1.30.3, built in)')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'Directory of charts and profiles: not supported yet (skiff renders Istio 1.30.3, built in)')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'Maximum time to wait for resources to be ready')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Proceed despite validation errors')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Change nothing; show the diff against the live cluster')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;upgrade' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator files, overlaid left to right ("-" = stdin, last only)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator files, overlaid left to right ("-" = stdin, last only)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control-plane revision (alias of --set revision=)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control-plane revision (alias of --set revision=)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Directory of charts and profiles: not supported yet (skiff renders Istio 1.30.3, built in)')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'Directory of charts and profiles: not supported yet (skiff renders Istio 1.30.3, built in)')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'Maximum time to wait for resources to be ready')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Proceed despite validation errors')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Change nothing; show the diff against the live cluster')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;manifest' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate the Kubernetes manifests of an Istio installation (offline)')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two manifests (files or directories) object by object (exit 1 when they differ)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'skiff;manifest;generate' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator files, overlaid left to right ("-" = stdin, last only)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator files, overlaid left to right ("-" = stdin, last only)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control-plane revision (alias of --set revision=)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control-plane revision (alias of --set revision=)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Directory of charts and profiles: not supported yet (skiff renders Istio 1.30.3, built in)')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'Directory of charts and profiles: not supported yet (skiff renders Istio 1.30.3, built in)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file, or one file per component into this directory')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file, or one file per component into this directory')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Proceed despite validation errors')
            [CompletionResult]::new('--cluster-specific', '--cluster-specific', [CompletionResultType]::ParameterName, 'Check the render against the cluster of the kubeconfig (its Kubernetes version)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;manifest;diff' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;manifest;help' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate the Kubernetes manifests of an Istio installation (offline)')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two manifests (files or directories) object by object (exit 1 when they differ)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'skiff;manifest;help;generate' {
            break
        }
        'skiff;manifest;help;diff' {
            break
        }
        'skiff;manifest;help;help' {
            break
        }
        'skiff;profile' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the built-in configuration profiles')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Dump a profile (or the merge of -f files) as an IstioOperator')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show the differences between two profiles or files (exit 1 when they differ)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'skiff;profile;list' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;profile;dump' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'f')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'filename')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only this subtree, e.g. components.pilot')
            [CompletionResult]::new('--config-path', '--config-path', [CompletionResultType]::ParameterName, 'Only this subtree, e.g. components.pilot')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;profile;diff' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;profile;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the built-in configuration profiles')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Dump a profile (or the merge of -f files) as an IstioOperator')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show the differences between two profiles or files (exit 1 when they differ)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'skiff;profile;help;list' {
            break
        }
        'skiff;profile;help;dump' {
            break
        }
        'skiff;profile;help;diff' {
            break
        }
        'skiff;profile;help;help' {
            break
        }
        'skiff;verify-install' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator or manifest files to verify against')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator or manifest files to verify against')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control-plane revision')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control-plane revision')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;uninstall' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The IstioOperator the installation was made from')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'The IstioOperator the installation was made from')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control-plane revision to remove')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control-plane revision to remove')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--purge', '--purge', [CompletionResultType]::ParameterName, 'Remove everything Istio owns, including CRDs and cluster-wide objects')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be removed, change nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;kube-inject' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Input manifest file or directory ("-" = stdin)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Input manifest file or directory ("-" = stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output file (default stdout); written atomically, so it may be the input file')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output file (default stdout); written atomically, so it may be the input file')
            [CompletionResult]::new('--meshConfigFile', '--meshConfigFile', [CompletionResultType]::ParameterName, 'Mesh configuration file (MeshConfig YAML)')
            [CompletionResult]::new('--valuesFile', '--valuesFile', [CompletionResultType]::ParameterName, 'Injection values file (JSON or YAML)')
            [CompletionResult]::new('--injectConfigFile', '--injectConfigFile', [CompletionResultType]::ParameterName, 'Injector config file (policy, selectors, injectedAnnotations, templates; or the istio-sidecar-injector ConfigMap, whose values are used too)')
            [CompletionResult]::new('--use-kube', '--use-kube', [CompletionResultType]::ParameterName, 'Read values, injector config and mesh config from the cluster''s ConfigMaps (files given with the flags above take their place)')
            [CompletionResult]::new('--injectConfigMapName', '--injectConfigMapName', [CompletionResultType]::ParameterName, 'Injector ConfigMap read with --use-kube (`-<revision>` is appended)')
            [CompletionResult]::new('--meshConfigMapName', '--meshConfigMapName', [CompletionResultType]::ParameterName, 'Mesh ConfigMap read with --use-kube (`-<revision>` is appended)')
            [CompletionResult]::new('--operatorFileName', '--operatorFileName', [CompletionResultType]::ParameterName, 'IstioOperator file: injection is configured as its installation would be')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control-plane revision')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control-plane revision')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Override a value, e.g. values.global.proxy.statusPort=15021 (repeatable)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a value, e.g. values.global.proxy.statusPort=15021 (repeatable)')
            [CompletionResult]::new('--reinject', '--reinject', [CompletionResultType]::ParameterName, 'Replace the sidecar of already injected workloads with the current one (--reinject=false keeps them as they are)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print a unified diff of each input and its injected form instead of the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;kube-uninject' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Input manifest file or directory ("-" = stdin)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Input manifest file or directory ("-" = stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output file (default stdout); written atomically, so it may be the input file')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output file (default stdout); written atomically, so it may be the input file')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;analyze' {
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Use the live cluster (--use-kube=false for files only)')
            [CompletionResult]::new('--use-kube', '--use-kube', [CompletionResultType]::ParameterName, 'Use the live cluster (--use-kube=false for files only)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output-threshold', '--output-threshold', [CompletionResultType]::ParameterName, 'Lowest level printed')
            [CompletionResult]::new('--failure-threshold', '--failure-threshold', [CompletionResultType]::ParameterName, 'Lowest level that makes the exit code 79')
            [CompletionResult]::new('-S', '-S ', [CompletionResultType]::ParameterName, 'Suppress messages: ''CODE=Kind ns/name'' with * wildcards, e.g. "IST0102=Namespace *"')
            [CompletionResult]::new('--suppress', '--suppress', [CompletionResultType]::ParameterName, 'Suppress messages: ''CODE=Kind ns/name'' with * wildcards, e.g. "IST0102=Namespace *"')
            [CompletionResult]::new('--analyzer', '--analyzer', [CompletionResultType]::ParameterName, 'Run only these analyzers (repeatable)')
            [CompletionResult]::new('--meshConfigFile', '--meshConfigFile', [CompletionResultType]::ParameterName, 'Mesh configuration file (a bare MeshConfig)')
            [CompletionResult]::new('--meshNetworksFile', '--meshNetworksFile', [CompletionResultType]::ParameterName, 'Mesh networks file')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control-plane revision')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control-plane revision')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit for reading the cluster')
            [CompletionResult]::new('--remote-contexts', '--remote-contexts', [CompletionResultType]::ParameterName, 'Kubeconfig contexts of the mesh''s other clusters (default: Istio''s remote secrets)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Analyze all namespaces')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Analyze all namespaces')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'List the analyzers and exit')
            [CompletionResult]::new('--list-analyzers', '--list-analyzers', [CompletionResultType]::ParameterName, 'List the analyzers and exit')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'List executed analyzers and skipped files on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'List executed analyzers and skipped files on stderr')
            [CompletionResult]::new('--ignore-unknown', '--ignore-unknown', [CompletionResultType]::ParameterName, 'Do not fail on files that cannot be parsed')
            [CompletionResult]::new('--istioctl-files', '--istioctl-files', [CompletionResultType]::ParameterName, 'Read files as istioctl does: ignore their Service, Namespace, Node, Pod and Secret documents (with --use-kube=false, the analyzers that need those kinds do not run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a message code: what it means and how to fix it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'skiff;analyze;explain' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;analyze;help' {
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a message code: what it means and how to fix it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'skiff;analyze;help;explain' {
            break
        }
        'skiff;analyze;help;help' {
            break
        }
        'skiff;dashboard' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('kiali', 'kiali', [CompletionResultType]::ParameterValue, 'Kiali (app=kiali, port 20001)')
            [CompletionResult]::new('prometheus', 'prometheus', [CompletionResultType]::ParameterValue, 'Prometheus (port 9090)')
            [CompletionResult]::new('grafana', 'grafana', [CompletionResultType]::ParameterValue, 'Grafana (port 3000)')
            [CompletionResult]::new('jaeger', 'jaeger', [CompletionResultType]::ParameterValue, 'Jaeger (port 16686)')
            [CompletionResult]::new('zipkin', 'zipkin', [CompletionResultType]::ParameterValue, 'Zipkin (port 9411)')
            [CompletionResult]::new('skywalking', 'skywalking', [CompletionResultType]::ParameterValue, 'SkyWalking UI (port 8080)')
            [CompletionResult]::new('loki', 'loki', [CompletionResultType]::ParameterValue, 'Loki (port 3100)')
            [CompletionResult]::new('envoy', 'envoy', [CompletionResultType]::ParameterValue, 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)')
            [CompletionResult]::new('controlz', 'controlz', [CompletionResultType]::ParameterValue, 'ControlZ of an istiod pod (port 9876)')
            [CompletionResult]::new('istiod-debug', 'istiod-debug', [CompletionResultType]::ParameterValue, 'istiod debug endpoints (port 15014, /debug)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'skiff;dash' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('kiali', 'kiali', [CompletionResultType]::ParameterValue, 'Kiali (app=kiali, port 20001)')
            [CompletionResult]::new('prometheus', 'prometheus', [CompletionResultType]::ParameterValue, 'Prometheus (port 9090)')
            [CompletionResult]::new('grafana', 'grafana', [CompletionResultType]::ParameterValue, 'Grafana (port 3000)')
            [CompletionResult]::new('jaeger', 'jaeger', [CompletionResultType]::ParameterValue, 'Jaeger (port 16686)')
            [CompletionResult]::new('zipkin', 'zipkin', [CompletionResultType]::ParameterValue, 'Zipkin (port 9411)')
            [CompletionResult]::new('skywalking', 'skywalking', [CompletionResultType]::ParameterValue, 'SkyWalking UI (port 8080)')
            [CompletionResult]::new('loki', 'loki', [CompletionResultType]::ParameterValue, 'Loki (port 3100)')
            [CompletionResult]::new('envoy', 'envoy', [CompletionResultType]::ParameterValue, 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)')
            [CompletionResult]::new('controlz', 'controlz', [CompletionResultType]::ParameterValue, 'ControlZ of an istiod pod (port 9876)')
            [CompletionResult]::new('istiod-debug', 'istiod-debug', [CompletionResultType]::ParameterValue, 'istiod debug endpoints (port 15014, /debug)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'skiff;d' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('kiali', 'kiali', [CompletionResultType]::ParameterValue, 'Kiali (app=kiali, port 20001)')
            [CompletionResult]::new('prometheus', 'prometheus', [CompletionResultType]::ParameterValue, 'Prometheus (port 9090)')
            [CompletionResult]::new('grafana', 'grafana', [CompletionResultType]::ParameterValue, 'Grafana (port 3000)')
            [CompletionResult]::new('jaeger', 'jaeger', [CompletionResultType]::ParameterValue, 'Jaeger (port 16686)')
            [CompletionResult]::new('zipkin', 'zipkin', [CompletionResultType]::ParameterValue, 'Zipkin (port 9411)')
            [CompletionResult]::new('skywalking', 'skywalking', [CompletionResultType]::ParameterValue, 'SkyWalking UI (port 8080)')
            [CompletionResult]::new('loki', 'loki', [CompletionResultType]::ParameterValue, 'Loki (port 3100)')
            [CompletionResult]::new('envoy', 'envoy', [CompletionResultType]::ParameterValue, 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)')
            [CompletionResult]::new('controlz', 'controlz', [CompletionResultType]::ParameterValue, 'ControlZ of an istiod pod (port 9876)')
            [CompletionResult]::new('istiod-debug', 'istiod-debug', [CompletionResultType]::ParameterValue, 'istiod debug endpoints (port 15014, /debug)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'skiff;dashboard;kiali' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dash;kiali' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;d;kiali' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dashboard;prometheus' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dash;prometheus' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;d;prometheus' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dashboard;grafana' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dash;grafana' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;d;grafana' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dashboard;jaeger' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dash;jaeger' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;d;jaeger' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dashboard;zipkin' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dash;zipkin' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;d;zipkin' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dashboard;skywalking' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dash;skywalking' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;d;skywalking' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dashboard;loki' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dash;loki' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;d;loki' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dashboard;envoy' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'l')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'selector')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dashboard;proxy' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'l')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'selector')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dash;envoy' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'l')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'selector')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dash;proxy' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'l')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'selector')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;d;envoy' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'l')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'selector')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;d;proxy' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'l')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'selector')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dashboard;controlz' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'l')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'selector')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'revision')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dash;controlz' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'l')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'selector')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'revision')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;d;controlz' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'l')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'selector')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'revision')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dashboard;istiod-debug' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'l')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'selector')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'revision')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dash;istiod-debug' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'l')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'selector')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'revision')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;d;istiod-debug' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'l')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'selector')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'revision')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on (localhost = 127.0.0.1 and ::1)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port (0 = the remote port if free, else any free port)')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Open a browser')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Remote port of the UI (default: the component''s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the UI to answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('--print-url', '--print-url', [CompletionResultType]::ParameterName, 'Print the URL once the UI answers and keep forwarding (no browser)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;dashboard;help' {
            [CompletionResult]::new('kiali', 'kiali', [CompletionResultType]::ParameterValue, 'Kiali (app=kiali, port 20001)')
            [CompletionResult]::new('prometheus', 'prometheus', [CompletionResultType]::ParameterValue, 'Prometheus (port 9090)')
            [CompletionResult]::new('grafana', 'grafana', [CompletionResultType]::ParameterValue, 'Grafana (port 3000)')
            [CompletionResult]::new('jaeger', 'jaeger', [CompletionResultType]::ParameterValue, 'Jaeger (port 16686)')
            [CompletionResult]::new('zipkin', 'zipkin', [CompletionResultType]::ParameterValue, 'Zipkin (port 9411)')
            [CompletionResult]::new('skywalking', 'skywalking', [CompletionResultType]::ParameterValue, 'SkyWalking UI (port 8080)')
            [CompletionResult]::new('loki', 'loki', [CompletionResultType]::ParameterValue, 'Loki (port 3100)')
            [CompletionResult]::new('envoy', 'envoy', [CompletionResultType]::ParameterValue, 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)')
            [CompletionResult]::new('controlz', 'controlz', [CompletionResultType]::ParameterValue, 'ControlZ of an istiod pod (port 9876)')
            [CompletionResult]::new('istiod-debug', 'istiod-debug', [CompletionResultType]::ParameterValue, 'istiod debug endpoints (port 15014, /debug)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'skiff;dashboard;help;kiali' {
            break
        }
        'skiff;dashboard;help;prometheus' {
            break
        }
        'skiff;dashboard;help;grafana' {
            break
        }
        'skiff;dashboard;help;jaeger' {
            break
        }
        'skiff;dashboard;help;zipkin' {
            break
        }
        'skiff;dashboard;help;skywalking' {
            break
        }
        'skiff;dashboard;help;loki' {
            break
        }
        'skiff;dashboard;help;envoy' {
            break
        }
        'skiff;dashboard;help;controlz' {
            break
        }
        'skiff;dashboard;help;istiod-debug' {
            break
        }
        'skiff;dashboard;help;help' {
            break
        }
        'skiff;dash;help' {
            [CompletionResult]::new('kiali', 'kiali', [CompletionResultType]::ParameterValue, 'Kiali (app=kiali, port 20001)')
            [CompletionResult]::new('prometheus', 'prometheus', [CompletionResultType]::ParameterValue, 'Prometheus (port 9090)')
            [CompletionResult]::new('grafana', 'grafana', [CompletionResultType]::ParameterValue, 'Grafana (port 3000)')
            [CompletionResult]::new('jaeger', 'jaeger', [CompletionResultType]::ParameterValue, 'Jaeger (port 16686)')
            [CompletionResult]::new('zipkin', 'zipkin', [CompletionResultType]::ParameterValue, 'Zipkin (port 9411)')
            [CompletionResult]::new('skywalking', 'skywalking', [CompletionResultType]::ParameterValue, 'SkyWalking UI (port 8080)')
            [CompletionResult]::new('loki', 'loki', [CompletionResultType]::ParameterValue, 'Loki (port 3100)')
            [CompletionResult]::new('envoy', 'envoy', [CompletionResultType]::ParameterValue, 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)')
            [CompletionResult]::new('controlz', 'controlz', [CompletionResultType]::ParameterValue, 'ControlZ of an istiod pod (port 9876)')
            [CompletionResult]::new('istiod-debug', 'istiod-debug', [CompletionResultType]::ParameterValue, 'istiod debug endpoints (port 15014, /debug)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'skiff;dash;help;kiali' {
            break
        }
        'skiff;dash;help;prometheus' {
            break
        }
        'skiff;dash;help;grafana' {
            break
        }
        'skiff;dash;help;jaeger' {
            break
        }
        'skiff;dash;help;zipkin' {
            break
        }
        'skiff;dash;help;skywalking' {
            break
        }
        'skiff;dash;help;loki' {
            break
        }
        'skiff;dash;help;envoy' {
            break
        }
        'skiff;dash;help;controlz' {
            break
        }
        'skiff;dash;help;istiod-debug' {
            break
        }
        'skiff;dash;help;help' {
            break
        }
        'skiff;d;help' {
            [CompletionResult]::new('kiali', 'kiali', [CompletionResultType]::ParameterValue, 'Kiali (app=kiali, port 20001)')
            [CompletionResult]::new('prometheus', 'prometheus', [CompletionResultType]::ParameterValue, 'Prometheus (port 9090)')
            [CompletionResult]::new('grafana', 'grafana', [CompletionResultType]::ParameterValue, 'Grafana (port 3000)')
            [CompletionResult]::new('jaeger', 'jaeger', [CompletionResultType]::ParameterValue, 'Jaeger (port 16686)')
            [CompletionResult]::new('zipkin', 'zipkin', [CompletionResultType]::ParameterValue, 'Zipkin (port 9411)')
            [CompletionResult]::new('skywalking', 'skywalking', [CompletionResultType]::ParameterValue, 'SkyWalking UI (port 8080)')
            [CompletionResult]::new('loki', 'loki', [CompletionResultType]::ParameterValue, 'Loki (port 3100)')
            [CompletionResult]::new('envoy', 'envoy', [CompletionResultType]::ParameterValue, 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)')
            [CompletionResult]::new('controlz', 'controlz', [CompletionResultType]::ParameterValue, 'ControlZ of an istiod pod (port 9876)')
            [CompletionResult]::new('istiod-debug', 'istiod-debug', [CompletionResultType]::ParameterValue, 'istiod debug endpoints (port 15014, /debug)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'skiff;d;help;kiali' {
            break
        }
        'skiff;d;help;prometheus' {
            break
        }
        'skiff;d;help;grafana' {
            break
        }
        'skiff;d;help;jaeger' {
            break
        }
        'skiff;d;help;zipkin' {
            break
        }
        'skiff;d;help;skywalking' {
            break
        }
        'skiff;d;help;loki' {
            break
        }
        'skiff;d;help;envoy' {
            break
        }
        'skiff;d;help;controlz' {
            break
        }
        'skiff;d;help;istiod-debug' {
            break
        }
        'skiff;d;help;help' {
            break
        }
        'skiff;validate' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Files or directories to validate ("-" = stdin); repeatable')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Files or directories to validate ("-" = stdin); repeatable')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'Also check references between resources (accepted for istioctl compatibility)')
            [CompletionResult]::new('--referential', '--referential', [CompletionResultType]::ParameterName, 'Also check references between resources (accepted for istioctl compatibility)')
            [CompletionResult]::new('--webhook-only', '--webhook-only', [CompletionResultType]::ParameterName, 'Check only istiod''s webhook rules, as istioctl validate does (skip the CRD schema and CEL rules that the API server also enforces)')
            [CompletionResult]::new('--schema-only', '--schema-only', [CompletionResultType]::ParameterName, 'Check only what the API server enforces from the CRDs (their structural schema and CEL rules), as a server-side dry run without istiod''s webhook')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;v' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Files or directories to validate ("-" = stdin); repeatable')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Files or directories to validate ("-" = stdin); repeatable')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'Also check references between resources (accepted for istioctl compatibility)')
            [CompletionResult]::new('--referential', '--referential', [CompletionResultType]::ParameterName, 'Also check references between resources (accepted for istioctl compatibility)')
            [CompletionResult]::new('--webhook-only', '--webhook-only', [CompletionResultType]::ParameterName, 'Check only istiod''s webhook rules, as istioctl validate does (skip the CRD schema and CEL rules that the API server also enforces)')
            [CompletionResult]::new('--schema-only', '--schema-only', [CompletionResultType]::ParameterName, 'Check only what the API server enforces from the CRDs (their structural schema and CEL rules), as a server-side dry run without istiod''s webhook')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;version' {
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Also ask the cluster for its versions (--remote=false for the client only)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: text)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: text)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Print only the Istio version this client targets')
            [CompletionResult]::new('--short', '--short', [CompletionResultType]::ParameterName, 'Print only the Istio version this client targets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;completion' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubernetes configuration file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes configuration context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace (default: the context''s namespace, else "default")')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Istio system namespace')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto, always, never (NO_COLOR is honoured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'skiff;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install or upgrade Istio on a cluster (aliases: apply, upgrade)')
            [CompletionResult]::new('manifest', 'manifest', [CompletionResultType]::ParameterValue, 'Generate or work with Istio manifests')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'List, dump or diff Istio configuration profiles')
            [CompletionResult]::new('verify-install', 'verify-install', [CompletionResultType]::ParameterValue, 'Verify that an Istio installation is complete and ready')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove Istio from a cluster')
            [CompletionResult]::new('kube-inject', 'kube-inject', [CompletionResultType]::ParameterValue, 'Inject the Istio sidecar into Kubernetes manifests')
            [CompletionResult]::new('kube-uninject', 'kube-uninject', [CompletionResultType]::ParameterValue, 'Remove the Istio sidecar from Kubernetes manifests injected by kube-inject')
            [CompletionResult]::new('analyze', 'analyze', [CompletionResultType]::ParameterValue, 'Analyze Istio configuration and report problems')
            [CompletionResult]::new('dashboard', 'dashboard', [CompletionResultType]::ParameterValue, 'Open a mesh dashboard or proxy admin UI by port-forwarding')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Validate Istio resources in files')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the client, control-plane and Kubernetes versions')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Generate a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'skiff;help;install' {
            break
        }
        'skiff;help;manifest' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate the Kubernetes manifests of an Istio installation (offline)')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two manifests (files or directories) object by object (exit 1 when they differ)')
            break
        }
        'skiff;help;manifest;generate' {
            break
        }
        'skiff;help;manifest;diff' {
            break
        }
        'skiff;help;profile' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the built-in configuration profiles')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Dump a profile (or the merge of -f files) as an IstioOperator')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show the differences between two profiles or files (exit 1 when they differ)')
            break
        }
        'skiff;help;profile;list' {
            break
        }
        'skiff;help;profile;dump' {
            break
        }
        'skiff;help;profile;diff' {
            break
        }
        'skiff;help;verify-install' {
            break
        }
        'skiff;help;uninstall' {
            break
        }
        'skiff;help;kube-inject' {
            break
        }
        'skiff;help;kube-uninject' {
            break
        }
        'skiff;help;analyze' {
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a message code: what it means and how to fix it')
            break
        }
        'skiff;help;analyze;explain' {
            break
        }
        'skiff;help;dashboard' {
            [CompletionResult]::new('kiali', 'kiali', [CompletionResultType]::ParameterValue, 'Kiali (app=kiali, port 20001)')
            [CompletionResult]::new('prometheus', 'prometheus', [CompletionResultType]::ParameterValue, 'Prometheus (port 9090)')
            [CompletionResult]::new('grafana', 'grafana', [CompletionResultType]::ParameterValue, 'Grafana (port 3000)')
            [CompletionResult]::new('jaeger', 'jaeger', [CompletionResultType]::ParameterValue, 'Jaeger (port 16686)')
            [CompletionResult]::new('zipkin', 'zipkin', [CompletionResultType]::ParameterValue, 'Zipkin (port 9411)')
            [CompletionResult]::new('skywalking', 'skywalking', [CompletionResultType]::ParameterValue, 'SkyWalking UI (port 8080)')
            [CompletionResult]::new('loki', 'loki', [CompletionResultType]::ParameterValue, 'Loki (port 3100)')
            [CompletionResult]::new('envoy', 'envoy', [CompletionResultType]::ParameterValue, 'Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)')
            [CompletionResult]::new('controlz', 'controlz', [CompletionResultType]::ParameterValue, 'ControlZ of an istiod pod (port 9876)')
            [CompletionResult]::new('istiod-debug', 'istiod-debug', [CompletionResultType]::ParameterValue, 'istiod debug endpoints (port 15014, /debug)')
            break
        }
        'skiff;help;dashboard;kiali' {
            break
        }
        'skiff;help;dashboard;prometheus' {
            break
        }
        'skiff;help;dashboard;grafana' {
            break
        }
        'skiff;help;dashboard;jaeger' {
            break
        }
        'skiff;help;dashboard;zipkin' {
            break
        }
        'skiff;help;dashboard;skywalking' {
            break
        }
        'skiff;help;dashboard;loki' {
            break
        }
        'skiff;help;dashboard;envoy' {
            break
        }
        'skiff;help;dashboard;controlz' {
            break
        }
        'skiff;help;dashboard;istiod-debug' {
            break
        }
        'skiff;help;validate' {
            break
        }
        'skiff;help;version' {
            break
        }
        'skiff;help;completion' {
            break
        }
        'skiff;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
