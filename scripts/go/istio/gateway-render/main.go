// Command gateway-render renders the deployment templates of an `istio-sidecar-injector`
// ConfigMap (kube-gateway, waypoint, agentgateway) the way istiod's gateway deployment
// controller does: Istio's own template parser and helpers, its TemplateInput type, and
// the proxy config and images derived from the mesh config and values as istiod derives
// them. skiff's tests run it on skiff's rendered ConfigMap and on istioctl's, over the same
// Gateways, and compare the objects.
//
// stdin:  {"config": "<injector config>", "values": "<injector values>", "mesh": "<mesh>",
//
//	"cases": [{"template": "kube-gateway", "input": {<TemplateInput with the Gateway>}}]}
//
// stdout: [{"output": "<rendered YAML>"} | {"error": "..."}], one per case.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	meshapi "istio.io/api/mesh/v1alpha1"
	"istio.io/istio/pilot/pkg/config/kube/gatewaycommon"
	"istio.io/istio/pkg/config/mesh"
	"istio.io/istio/pkg/kube/inject"
	"istio.io/istio/pkg/test/util/tmpl"
)

// derivedInput has the shape of the controller's template data: the Gateway's input plus
// what the controller adds from the injection config.
type derivedInput struct {
	gatewaycommon.TemplateInput
	ProxyImage        string
	AgentgatewayImage string
	ProxyConfig       *meshapi.ProxyConfig
	MeshConfig        *meshapi.MeshConfig
	Values            map[string]any
}

type request struct {
	Config string `json:"config"`
	Values string `json:"values"`
	Mesh   string `json:"mesh"`
	Cases  []struct {
		Template string                      `json:"template"`
		Input    gatewaycommon.TemplateInput `json:"input"`
	} `json:"cases"`
}

type result struct {
	Output string `json:"output,omitempty"`
	Error  string `json:"error,omitempty"`
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "gateway-render: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	var req request
	if err := json.NewDecoder(os.Stdin).Decode(&req); err != nil {
		fail("bad request: %v", err)
	}
	cfg, err := inject.UnmarshalConfig([]byte(req.Config))
	if err != nil {
		fail("injector config: %v", err)
	}
	values, err := inject.NewValuesConfig(req.Values)
	if err != nil {
		fail("injector values: %v", err)
	}
	meshConfig, err := mesh.ApplyMeshConfigDefaults(req.Mesh)
	if err != nil {
		fail("mesh config: %v", err)
	}
	// No ProxyConfig resources: the proxy config is the mesh's default config.
	proxyConfig := meshConfig.GetDefaultConfig()
	results := make([]result, 0, len(req.Cases))
	for _, c := range req.Cases {
		template := cfg.Templates[c.Template]
		if template == nil {
			results = append(results, result{Error: fmt.Sprintf("no %q template defined", c.Template)})
			continue
		}
		annotations := c.Input.GetAnnotations()
		input := derivedInput{
			TemplateInput:     c.Input,
			ProxyImage:        inject.ProxyImage(values.Struct(), proxyConfig.GetImage(), annotations),
			AgentgatewayImage: inject.AgentgatewayImage(values.Struct(), proxyConfig.GetImage(), annotations),
			ProxyConfig:       proxyConfig,
			MeshConfig:        meshConfig,
			Values:            values.Map(),
		}
		out, err := tmpl.Execute(template, input)
		if err != nil {
			results = append(results, result{Error: err.Error()})
			continue
		}
		results = append(results, result{Output: out})
	}
	if err := json.NewEncoder(os.Stdout).Encode(results); err != nil {
		fail("%v", err)
	}
}
