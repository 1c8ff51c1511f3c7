
use builtin;
use str;

set edit:completion:arg-completer[skiff] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'skiff'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'skiff'= {
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand install 'Install or upgrade Istio on a cluster (aliases: apply, upgrade)'
            cand apply 'Install or upgrade Istio on a cluster (aliases: apply, upgrade)'
            cand upgrade 'Install or upgrade Istio on a cluster (aliases: apply, upgrade)'
            cand manifest 'Generate or work with Istio manifests'
            cand profile 'List, dump or diff Istio configuration profiles'
            cand verify-install 'Verify that an Istio installation is complete and ready'
            cand uninstall 'Remove Istio from a cluster'
            cand kube-inject 'Inject the Istio sidecar into Kubernetes manifests'
            cand analyze 'Analyze Istio configuration and report problems'
            cand dashboard 'Open a mesh dashboard or proxy admin UI by port-forwarding'
            cand dash 'Open a mesh dashboard or proxy admin UI by port-forwarding'
            cand d 'Open a mesh dashboard or proxy admin UI by port-forwarding'
            cand validate 'Validate Istio resources in files'
            cand v 'Validate Istio resources in files'
            cand version 'Print the client, control-plane and Kubernetes versions'
            cand completion 'Generate a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'skiff;install'= {
            cand -f 'IstioOperator files, overlaid left to right ("-" = stdin, last only)'
            cand --filename 'IstioOperator files, overlaid left to right ("-" = stdin, last only)'
            cand -s 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...'
            cand --set 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...'
            cand -r 'Control-plane revision (alias of --set revision=)'
            cand --revision 'Control-plane revision (alias of --set revision=)'
            cand -d 'Directory of charts and profiles (istioctl compatibility; skiff''s are built in)'
            cand --manifests 'Directory of charts and profiles (istioctl compatibility; skiff''s are built in)'
            cand --readiness-timeout 'Maximum time to wait for resources to be ready'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --force 'Proceed despite validation errors'
            cand -y 'Do not ask for confirmation'
            cand --skip-confirmation 'Do not ask for confirmation'
            cand --dry-run 'Change nothing; show the diff against the live cluster'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;apply'= {
            cand -f 'IstioOperator files, overlaid left to right ("-" = stdin, last only)'
            cand --filename 'IstioOperator files, overlaid left to right ("-" = stdin, last only)'
            cand -s 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...'
            cand --set 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...'
            cand -r 'Control-plane revision (alias of --set revision=)'
            cand --revision 'Control-plane revision (alias of --set revision=)'
            cand -d 'Directory of charts and profiles (istioctl compatibility; skiff''s are built in)'
            cand --manifests 'Directory of charts and profiles (istioctl compatibility; skiff''s are built in)'
            cand --readiness-timeout 'Maximum time to wait for resources to be ready'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --force 'Proceed despite validation errors'
            cand -y 'Do not ask for confirmation'
            cand --skip-confirmation 'Do not ask for confirmation'
            cand --dry-run 'Change nothing; show the diff against the live cluster'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;upgrade'= {
            cand -f 'IstioOperator files, overlaid left to right ("-" = stdin, last only)'
            cand --filename 'IstioOperator files, overlaid left to right ("-" = stdin, last only)'
            cand -s 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...'
            cand --set 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...'
            cand -r 'Control-plane revision (alias of --set revision=)'
            cand --revision 'Control-plane revision (alias of --set revision=)'
            cand -d 'Directory of charts and profiles (istioctl compatibility; skiff''s are built in)'
            cand --manifests 'Directory of charts and profiles (istioctl compatibility; skiff''s are built in)'
            cand --readiness-timeout 'Maximum time to wait for resources to be ready'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --force 'Proceed despite validation errors'
            cand -y 'Do not ask for confirmation'
            cand --skip-confirmation 'Do not ask for confirmation'
            cand --dry-run 'Change nothing; show the diff against the live cluster'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;manifest'= {
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand generate 'Generate the Kubernetes manifests of an Istio installation (offline)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'skiff;manifest;generate'= {
            cand -f 'IstioOperator files, overlaid left to right ("-" = stdin, last only)'
            cand --filename 'IstioOperator files, overlaid left to right ("-" = stdin, last only)'
            cand -s 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...'
            cand --set 'Override an IstioOperator value, e.g. profile=demo or values.global.hub=...'
            cand -r 'Control-plane revision (alias of --set revision=)'
            cand --revision 'Control-plane revision (alias of --set revision=)'
            cand -d 'Directory of charts and profiles (istioctl compatibility; skiff''s are built in)'
            cand --manifests 'Directory of charts and profiles (istioctl compatibility; skiff''s are built in)'
            cand -o 'Write to this file instead of stdout'
            cand --output 'Write to this file instead of stdout'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --force 'Proceed despite validation errors'
            cand --cluster-specific 'Adapt the render to the cluster of the kubeconfig'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;manifest;help'= {
            cand generate 'Generate the Kubernetes manifests of an Istio installation (offline)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'skiff;manifest;help;generate'= {
        }
        &'skiff;manifest;help;help'= {
        }
        &'skiff;profile'= {
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the built-in configuration profiles'
            cand dump 'Dump a profile (or the merge of -f files) as an IstioOperator'
            cand diff 'Show the differences between two profiles or files (exit 1 when they differ)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'skiff;profile;list'= {
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;profile;dump'= {
            cand -f 'f'
            cand --filename 'filename'
            cand -p 'Only this subtree, e.g. components.pilot'
            cand --config-path 'Only this subtree, e.g. components.pilot'
            cand -o 'yaml, json or flags'
            cand --output 'yaml, json or flags'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;profile;diff'= {
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;profile;help'= {
            cand list 'List the built-in configuration profiles'
            cand dump 'Dump a profile (or the merge of -f files) as an IstioOperator'
            cand diff 'Show the differences between two profiles or files (exit 1 when they differ)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'skiff;profile;help;list'= {
        }
        &'skiff;profile;help;dump'= {
        }
        &'skiff;profile;help;diff'= {
        }
        &'skiff;profile;help;help'= {
        }
        &'skiff;verify-install'= {
            cand -f 'IstioOperator or manifest files to verify against'
            cand --filename 'IstioOperator or manifest files to verify against'
            cand -r 'Control-plane revision'
            cand --revision 'Control-plane revision'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;uninstall'= {
            cand -f 'The IstioOperator the installation was made from'
            cand --filename 'The IstioOperator the installation was made from'
            cand -r 'Control-plane revision to remove'
            cand --revision 'Control-plane revision to remove'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --purge 'Remove everything Istio owns, including CRDs and cluster-wide objects'
            cand -y 'Do not ask for confirmation'
            cand --skip-confirmation 'Do not ask for confirmation'
            cand --dry-run 'List what would be removed, change nothing'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;kube-inject'= {
            cand -f 'Input manifest file ("-" = stdin)'
            cand --filename 'Input manifest file ("-" = stdin)'
            cand -o 'Output file (default stdout)'
            cand --output 'Output file (default stdout)'
            cand --meshConfigFile 'Mesh configuration file'
            cand --valuesFile 'Injection values file (JSON or YAML)'
            cand --injectConfigFile 'Injection template file'
            cand --operatorFileName 'IstioOperator file whose values and meshConfig are used'
            cand -r 'Control-plane revision'
            cand --revision 'Control-plane revision'
            cand -s 'Override an IstioOperator value'
            cand --set 'Override an IstioOperator value'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;analyze'= {
            cand -k 'Use the live cluster (--use-kube=false for files only)'
            cand --use-kube 'Use the live cluster (--use-kube=false for files only)'
            cand -o 'Output format: log, json, yaml, sarif'
            cand --output 'Output format: log, json, yaml, sarif'
            cand --output-threshold 'Lowest level printed: Info, Warning, Error'
            cand --failure-threshold 'Lowest level that makes the exit code 79: Info, Warning, Error'
            cand -S 'Suppress messages: ''CODE=Kind ns/name'' with * wildcards, e.g. "IST0102=Namespace *"'
            cand --suppress 'Suppress messages: ''CODE=Kind ns/name'' with * wildcards, e.g. "IST0102=Namespace *"'
            cand --analyzer 'Run only these analyzers (repeatable)'
            cand --meshConfigFile 'Mesh configuration file (a bare MeshConfig)'
            cand --meshNetworksFile 'Mesh networks file'
            cand -r 'Control-plane revision'
            cand --revision 'Control-plane revision'
            cand --timeout 'Time limit for reading the cluster'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -A 'Analyze all namespaces'
            cand --all-namespaces 'Analyze all namespaces'
            cand -L 'List the analyzers and exit'
            cand --list-analyzers 'List the analyzers and exit'
            cand -v 'List executed analyzers and skipped files on stderr'
            cand --verbose 'List executed analyzers and skipped files on stderr'
            cand --ignore-unknown 'Do not fail on files that cannot be parsed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand explain 'Explain a message code: what it means and how to fix it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'skiff;analyze;explain'= {
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;analyze;help'= {
            cand explain 'Explain a message code: what it means and how to fix it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'skiff;analyze;help;explain'= {
        }
        &'skiff;analyze;help;help'= {
        }
        &'skiff;dashboard'= {
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand kiali 'Kiali (app=kiali, port 20001)'
            cand prometheus 'Prometheus (port 9090)'
            cand grafana 'Grafana (port 3000)'
            cand jaeger 'Jaeger (port 16686)'
            cand zipkin 'Zipkin (port 9411)'
            cand skywalking 'SkyWalking UI (port 8080)'
            cand loki 'Loki (port 3100)'
            cand envoy 'Envoy admin of a pod ([type/]name[.namespace] or -l selector)'
            cand proxy 'Envoy admin of a pod ([type/]name[.namespace] or -l selector)'
            cand controlz 'ControlZ of an istiod pod (port 9876)'
            cand istiod-debug 'istiod debug endpoints (port 15014, /debug)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'skiff;dash'= {
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand kiali 'Kiali (app=kiali, port 20001)'
            cand prometheus 'Prometheus (port 9090)'
            cand grafana 'Grafana (port 3000)'
            cand jaeger 'Jaeger (port 16686)'
            cand zipkin 'Zipkin (port 9411)'
            cand skywalking 'SkyWalking UI (port 8080)'
            cand loki 'Loki (port 3100)'
            cand envoy 'Envoy admin of a pod ([type/]name[.namespace] or -l selector)'
            cand proxy 'Envoy admin of a pod ([type/]name[.namespace] or -l selector)'
            cand controlz 'ControlZ of an istiod pod (port 9876)'
            cand istiod-debug 'istiod debug endpoints (port 15014, /debug)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'skiff;d'= {
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand kiali 'Kiali (app=kiali, port 20001)'
            cand prometheus 'Prometheus (port 9090)'
            cand grafana 'Grafana (port 3000)'
            cand jaeger 'Jaeger (port 16686)'
            cand zipkin 'Zipkin (port 9411)'
            cand skywalking 'SkyWalking UI (port 8080)'
            cand loki 'Loki (port 3100)'
            cand envoy 'Envoy admin of a pod ([type/]name[.namespace] or -l selector)'
            cand proxy 'Envoy admin of a pod ([type/]name[.namespace] or -l selector)'
            cand controlz 'ControlZ of an istiod pod (port 9876)'
            cand istiod-debug 'istiod debug endpoints (port 15014, /debug)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'skiff;dashboard;kiali'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dash;kiali'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;d;kiali'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dashboard;prometheus'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dash;prometheus'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;d;prometheus'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dashboard;grafana'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dash;grafana'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;d;grafana'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dashboard;jaeger'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dash;jaeger'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;d;jaeger'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dashboard;zipkin'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dash;zipkin'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;d;zipkin'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dashboard;skywalking'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dash;skywalking'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;d;skywalking'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dashboard;loki'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dash;loki'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;d;loki'= {
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dashboard;envoy'= {
            cand -l 'l'
            cand --selector 'selector'
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dashboard;proxy'= {
            cand -l 'l'
            cand --selector 'selector'
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dash;envoy'= {
            cand -l 'l'
            cand --selector 'selector'
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dash;proxy'= {
            cand -l 'l'
            cand --selector 'selector'
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;d;envoy'= {
            cand -l 'l'
            cand --selector 'selector'
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;d;proxy'= {
            cand -l 'l'
            cand --selector 'selector'
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dashboard;controlz'= {
            cand -l 'l'
            cand --selector 'selector'
            cand -r 'r'
            cand --revision 'revision'
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dash;controlz'= {
            cand -l 'l'
            cand --selector 'selector'
            cand -r 'r'
            cand --revision 'revision'
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;d;controlz'= {
            cand -l 'l'
            cand --selector 'selector'
            cand -r 'r'
            cand --revision 'revision'
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dashboard;istiod-debug'= {
            cand -l 'l'
            cand --selector 'selector'
            cand -r 'r'
            cand --revision 'revision'
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dash;istiod-debug'= {
            cand -l 'l'
            cand --selector 'selector'
            cand -r 'r'
            cand --revision 'revision'
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;d;istiod-debug'= {
            cand -l 'l'
            cand --selector 'selector'
            cand -r 'r'
            cand --revision 'revision'
            cand --address 'Local address to listen on (localhost = 127.0.0.1 and ::1)'
            cand -p 'Local port (0 = the remote port if free, else any free port)'
            cand --port 'Local port (0 = the remote port if free, else any free port)'
            cand --browser 'Open a browser'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand --print-url 'Print the URL once ready and keep forwarding'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;dashboard;help'= {
            cand kiali 'Kiali (app=kiali, port 20001)'
            cand prometheus 'Prometheus (port 9090)'
            cand grafana 'Grafana (port 3000)'
            cand jaeger 'Jaeger (port 16686)'
            cand zipkin 'Zipkin (port 9411)'
            cand skywalking 'SkyWalking UI (port 8080)'
            cand loki 'Loki (port 3100)'
            cand envoy 'Envoy admin of a pod ([type/]name[.namespace] or -l selector)'
            cand controlz 'ControlZ of an istiod pod (port 9876)'
            cand istiod-debug 'istiod debug endpoints (port 15014, /debug)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'skiff;dashboard;help;kiali'= {
        }
        &'skiff;dashboard;help;prometheus'= {
        }
        &'skiff;dashboard;help;grafana'= {
        }
        &'skiff;dashboard;help;jaeger'= {
        }
        &'skiff;dashboard;help;zipkin'= {
        }
        &'skiff;dashboard;help;skywalking'= {
        }
        &'skiff;dashboard;help;loki'= {
        }
        &'skiff;dashboard;help;envoy'= {
        }
        &'skiff;dashboard;help;controlz'= {
        }
        &'skiff;dashboard;help;istiod-debug'= {
        }
        &'skiff;dashboard;help;help'= {
        }
        &'skiff;dash;help'= {
            cand kiali 'Kiali (app=kiali, port 20001)'
            cand prometheus 'Prometheus (port 9090)'
            cand grafana 'Grafana (port 3000)'
            cand jaeger 'Jaeger (port 16686)'
            cand zipkin 'Zipkin (port 9411)'
            cand skywalking 'SkyWalking UI (port 8080)'
            cand loki 'Loki (port 3100)'
            cand envoy 'Envoy admin of a pod ([type/]name[.namespace] or -l selector)'
            cand controlz 'ControlZ of an istiod pod (port 9876)'
            cand istiod-debug 'istiod debug endpoints (port 15014, /debug)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'skiff;dash;help;kiali'= {
        }
        &'skiff;dash;help;prometheus'= {
        }
        &'skiff;dash;help;grafana'= {
        }
        &'skiff;dash;help;jaeger'= {
        }
        &'skiff;dash;help;zipkin'= {
        }
        &'skiff;dash;help;skywalking'= {
        }
        &'skiff;dash;help;loki'= {
        }
        &'skiff;dash;help;envoy'= {
        }
        &'skiff;dash;help;controlz'= {
        }
        &'skiff;dash;help;istiod-debug'= {
        }
        &'skiff;dash;help;help'= {
        }
        &'skiff;d;help'= {
            cand kiali 'Kiali (app=kiali, port 20001)'
            cand prometheus 'Prometheus (port 9090)'
            cand grafana 'Grafana (port 3000)'
            cand jaeger 'Jaeger (port 16686)'
            cand zipkin 'Zipkin (port 9411)'
            cand skywalking 'SkyWalking UI (port 8080)'
            cand loki 'Loki (port 3100)'
            cand envoy 'Envoy admin of a pod ([type/]name[.namespace] or -l selector)'
            cand controlz 'ControlZ of an istiod pod (port 9876)'
            cand istiod-debug 'istiod debug endpoints (port 15014, /debug)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'skiff;d;help;kiali'= {
        }
        &'skiff;d;help;prometheus'= {
        }
        &'skiff;d;help;grafana'= {
        }
        &'skiff;d;help;jaeger'= {
        }
        &'skiff;d;help;zipkin'= {
        }
        &'skiff;d;help;skywalking'= {
        }
        &'skiff;d;help;loki'= {
        }
        &'skiff;d;help;envoy'= {
        }
        &'skiff;d;help;controlz'= {
        }
        &'skiff;d;help;istiod-debug'= {
        }
        &'skiff;d;help;help'= {
        }
        &'skiff;validate'= {
            cand -f 'Files or directories to validate ("-" = stdin); repeatable'
            cand --filename 'Files or directories to validate ("-" = stdin); repeatable'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -x 'Also check references between resources (accepted for istioctl compatibility)'
            cand --referential 'Also check references between resources (accepted for istioctl compatibility)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;v'= {
            cand -f 'Files or directories to validate ("-" = stdin); repeatable'
            cand --filename 'Files or directories to validate ("-" = stdin); repeatable'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -x 'Also check references between resources (accepted for istioctl compatibility)'
            cand --referential 'Also check references between resources (accepted for istioctl compatibility)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;version'= {
            cand --remote 'Also ask the cluster for its versions (--remote=false for the client only)'
            cand -o 'Output format: yaml or json'
            cand --output 'Output format: yaml or json'
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -s 'Print only the Istio version this client targets'
            cand --short 'Print only the Istio version this client targets'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;completion'= {
            cand -c 'Kubernetes configuration file'
            cand --kubeconfig 'Kubernetes configuration file'
            cand --context 'Kubernetes configuration context'
            cand -n 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand --namespace 'Kubernetes namespace (default: the context''s namespace, else "default")'
            cand -i 'Istio system namespace'
            cand --istioNamespace 'Istio system namespace'
            cand --color 'When to use colour: auto, always, never (NO_COLOR is honoured)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'skiff;help'= {
            cand install 'Install or upgrade Istio on a cluster (aliases: apply, upgrade)'
            cand manifest 'Generate or work with Istio manifests'
            cand profile 'List, dump or diff Istio configuration profiles'
            cand verify-install 'Verify that an Istio installation is complete and ready'
            cand uninstall 'Remove Istio from a cluster'
            cand kube-inject 'Inject the Istio sidecar into Kubernetes manifests'
            cand analyze 'Analyze Istio configuration and report problems'
            cand dashboard 'Open a mesh dashboard or proxy admin UI by port-forwarding'
            cand validate 'Validate Istio resources in files'
            cand version 'Print the client, control-plane and Kubernetes versions'
            cand completion 'Generate a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'skiff;help;install'= {
        }
        &'skiff;help;manifest'= {
            cand generate 'Generate the Kubernetes manifests of an Istio installation (offline)'
        }
        &'skiff;help;manifest;generate'= {
        }
        &'skiff;help;profile'= {
            cand list 'List the built-in configuration profiles'
            cand dump 'Dump a profile (or the merge of -f files) as an IstioOperator'
            cand diff 'Show the differences between two profiles or files (exit 1 when they differ)'
        }
        &'skiff;help;profile;list'= {
        }
        &'skiff;help;profile;dump'= {
        }
        &'skiff;help;profile;diff'= {
        }
        &'skiff;help;verify-install'= {
        }
        &'skiff;help;uninstall'= {
        }
        &'skiff;help;kube-inject'= {
        }
        &'skiff;help;analyze'= {
            cand explain 'Explain a message code: what it means and how to fix it'
        }
        &'skiff;help;analyze;explain'= {
        }
        &'skiff;help;dashboard'= {
            cand kiali 'Kiali (app=kiali, port 20001)'
            cand prometheus 'Prometheus (port 9090)'
            cand grafana 'Grafana (port 3000)'
            cand jaeger 'Jaeger (port 16686)'
            cand zipkin 'Zipkin (port 9411)'
            cand skywalking 'SkyWalking UI (port 8080)'
            cand loki 'Loki (port 3100)'
            cand envoy 'Envoy admin of a pod ([type/]name[.namespace] or -l selector)'
            cand controlz 'ControlZ of an istiod pod (port 9876)'
            cand istiod-debug 'istiod debug endpoints (port 15014, /debug)'
        }
        &'skiff;help;dashboard;kiali'= {
        }
        &'skiff;help;dashboard;prometheus'= {
        }
        &'skiff;help;dashboard;grafana'= {
        }
        &'skiff;help;dashboard;jaeger'= {
        }
        &'skiff;help;dashboard;zipkin'= {
        }
        &'skiff;help;dashboard;skywalking'= {
        }
        &'skiff;help;dashboard;loki'= {
        }
        &'skiff;help;dashboard;envoy'= {
        }
        &'skiff;help;dashboard;controlz'= {
        }
        &'skiff;help;dashboard;istiod-debug'= {
        }
        &'skiff;help;validate'= {
        }
        &'skiff;help;version'= {
        }
        &'skiff;help;completion'= {
        }
        &'skiff;help;help'= {
        }
    ]
    $completions[$command]
}
