// Command analyze-files runs Istio's analyzers over files the way Istio's analyzer tests
// load them: every kind in the files counts, Kubernetes ones (Service, Pod, Namespace,
// Secret, ...) included, where istioctl's file mode drops those. It is the oracle for
// `skiff analyze --use-kube=false -A` (which reads Kubernetes kinds from files) in
// scripts/difftest's analyze-all comparison.
//
//	analyze-files [--mesh-config FILE] [--mesh-networks FILE] FILE...
//
// stdout: the messages at level Info and above as `istioctl analyze -o json` prints them
// ([] for none). Exit 2 when the analysis itself fails.
package main

import (
	"flag"
	"fmt"
	"os"

	"istio.io/istio/istioctl/pkg/util/formatting"
	"istio.io/istio/pkg/config/analysis/analyzers"
	"istio.io/istio/pkg/config/analysis/diag"
	"istio.io/istio/pkg/config/analysis/local"
	"istio.io/istio/pkg/log"
)

func main() {
	meshConfig := flag.String("mesh-config", "", "mesh config file")
	meshNetworks := flag.String("mesh-networks", "", "mesh networks file")
	flag.Parse()
	for _, scope := range log.Scopes() {
		scope.SetOutputLevel(log.NoneLevel)
	}
	if err := run(*meshConfig, *meshNetworks, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "analyze-files:", err)
		os.Exit(2)
	}
}

func run(meshConfig, meshNetworks string, files []string) error {
	// Namespace "" analyzes every namespace (istioctl's --all-namespaces).
	sa := local.NewSourceAnalyzer(analyzers.AllCombined(), "", "istio-system", nil)
	if meshConfig != "" {
		if err := sa.AddFileKubeMeshConfig(meshConfig); err != nil {
			return err
		}
	}
	if meshNetworks != "" {
		if err := sa.AddFileKubeMeshNetworks(meshNetworks); err != nil {
			return err
		}
	}
	var readers []local.ReaderSource
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		readers = append(readers, local.ReaderSource{Name: name, Reader: f})
	}
	if err := sa.AddTestReaderKubeSource(readers); err != nil {
		// Like istioctl: documents that cannot be read are reported, the rest analyzed.
		fmt.Fprintln(os.Stderr, "analyze-files: reading:", err)
	}
	// The default ingress gateway after the files, as Istio's analyzer tests add it (the
	// first reader fixes the kinds the store holds; istioctl's order, defaults first, would
	// leave out the Kubernetes kinds).
	if err := sa.AddDefaultResources(); err != nil {
		return err
	}
	cancel := make(chan struct{})
	result, err := sa.Analyze(cancel)
	if err != nil {
		return err
	}
	messages := result.Messages.SetDocRef("istioctl-analyze").FilterOutLowerThan(diag.Info)
	out, err := formatting.Print(messages, formatting.JSONFormat, false)
	if err != nil {
		return err
	}
	fmt.Println(out)
	return nil
}
