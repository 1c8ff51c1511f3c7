// Command gotemplate executes injection templates the way istiod's webhook does: Go
// text/template with Sprig's functions and istiod's own helpers (written here from their
// documented behaviour), over template data shaped like istiod's (Go field names).
//
// stdin:  {"templates": {"sidecar": "..."}, "pods": [{"template": "sidecar", "data": {...}}]}
// stdout: [{"output": "..."} | {"error": "..."}], one per pod.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"text/template"

	"github.com/Masterminds/sprig"
)

// ObjectMeta has the fields of Kubernetes' metav1.ObjectMeta that templates read.
type ObjectMeta struct {
	Name        string            `json:"name,omitempty"`
	Namespace   string            `json:"namespace,omitempty"`
	Labels      map[string]string `json:"labels,omitempty"`
	Annotations map[string]string `json:"annotations,omitempty"`
}

// TypeMeta is metav1.TypeMeta.
type TypeMeta struct {
	Kind       string `json:"kind,omitempty"`
	APIVersion string `json:"apiVersion,omitempty"`
}

// ContainerPort is corev1.ContainerPort, with its JSON field order.
type ContainerPort struct {
	Name          string `json:"name,omitempty"`
	HostPort      int32  `json:"hostPort,omitempty"`
	ContainerPort int32  `json:"containerPort"`
	Protocol      string `json:"protocol,omitempty"`
	HostIP        string `json:"hostIP,omitempty"`
}

// Container has the fields of corev1.Container that templates read.
type Container struct {
	Name  string          `json:"name"`
	Image string          `json:"image,omitempty"`
	Ports []ContainerPort `json:"ports,omitempty"`
}

// PodSpec has the fields of corev1.PodSpec that templates read.
type PodSpec struct {
	InitContainers     []Container `json:"initContainers,omitempty"`
	Containers         []Container `json:"containers"`
	ServiceAccountName string      `json:"serviceAccountName,omitempty"`
	HostNetwork        bool        `json:"hostNetwork,omitempty"`
}

// Proto stands for a protobuf message (MeshConfig, ProxyConfig): templates only see it
// through protoToJSON, which gives its JSON form.
type Proto struct{ json json.RawMessage }

func (p *Proto) UnmarshalJSON(b []byte) error {
	p.json = append(json.RawMessage(nil), b...)
	return nil
}

// TemplateData is what istiod hands an injection template.
type TemplateData struct {
	TypeMeta         TypeMeta
	DeploymentMeta   ObjectMeta
	ObjectMeta       ObjectMeta
	Spec             PodSpec
	ProxyConfig      Proto
	MeshConfig       Proto
	Values           map[string]interface{}
	Revision         string
	ProxyImage       string
	ProxyUID         int64
	ProxyGID         int64
	NativeSidecars   bool
	CompliancePolicy string
	// InboundTrafficPolicyMode is "localhost" or "passthrough".
	InboundTrafficPolicyMode string
}

// istiodFuncs are istiod's own template helpers that skiff's templates use.
func istiodFuncs() template.FuncMap {
	return template.FuncMap{
		// annotation gives the pod's annotation, else the default as text.
		"annotation": func(meta ObjectMeta, name string, def interface{}) string {
			if v, ok := meta.Annotations[name]; ok {
				return v
			}
			return fmt.Sprint(def)
		},
		// valueOrDefault gives the value unless it is nil or the empty string.
		"valueOrDefault": func(value interface{}, def interface{}) interface{} {
			if value == nil || value == "" {
				return def
			}
			return value
		},
		"isset": func(m map[string]string, key string) bool {
			_, ok := m[key]
			return ok
		},
		"protoToJSON": func(p Proto) string {
			if len(p.json) == 0 {
				return "{}"
			}
			// istiod leaves out the ProxyConfig fields that hold their defaults.
			var fields map[string]json.RawMessage
			if err := json.Unmarshal(p.json, &fields); err == nil {
				for name, value := range proxyConfigDefaults {
					if string(fields[name]) == value {
						delete(fields, name)
					}
				}
				if len(fields) > 0 {
					// Keep the input's field order: drop the removed fields from the text.
					var ordered bytes.Buffer
					if err := json.Compact(&ordered, removeFields(p.json, fields)); err == nil {
						return ordered.String()
					}
				}
				if len(fields) == 0 {
					return "{}"
				}
			}
			var out bytes.Buffer
			if err := json.Compact(&out, p.json); err != nil {
				return "{}"
			}
			return out.String()
		},
		"structToJSON": func(v interface{}) string {
			b, err := json.Marshal(v)
			if err != nil {
				return "{}"
			}
			return string(b)
		},
		"fromJSON": func(text string) interface{} {
			var v interface{}
			if err := json.Unmarshal([]byte(text), &v); err != nil {
				return nil
			}
			return v
		},
		"toJSON": func(v interface{}) string {
			b, err := json.Marshal(v)
			if err != nil {
				return "{}"
			}
			return string(b)
		},
	}
}

// proxyConfigDefaults are istiod's ProxyConfig defaults (as JSON) that protoToJSON omits.
var proxyConfigDefaults = map[string]string{
	"configPath":               `"./etc/istio/proxy"`,
	"binaryPath":               `"/usr/local/bin/envoy"`,
	"serviceCluster":           `"istio-proxy"`,
	"drainDuration":            `"45s"`,
	"terminationDrainDuration": `"5s"`,
	"discoveryAddress":         `"istiod.istio-system.svc:15012"`,
	"proxyAdminPort":           `15000`,
	"statNameLength":           `189`,
	"statusPort":               `15020`,
	"controlPlaneAuthPolicy":   `"MUTUAL_TLS"`,
	"interceptionMode":         `"REDIRECT"`,
}

// removeFields re-encodes a JSON object keeping only the keys in kept, in the input's order.
func removeFields(raw json.RawMessage, kept map[string]json.RawMessage) json.RawMessage {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return raw
	}
	var out bytes.Buffer
	out.WriteByte('{')
	first := true
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return raw
		}
		key, _ := tok.(string)
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return raw
		}
		if _, ok := kept[key]; !ok {
			continue
		}
		if !first {
			out.WriteByte(',')
		}
		first = false
		k, _ := json.Marshal(key)
		out.Write(k)
		out.WriteByte(':')
		out.Write(value)
	}
	out.WriteByte('}')
	return out.Bytes()
}

func funcs() template.FuncMap {
	f := sprig.TxtFuncMap()
	// istiod removes Sprig's environment access.
	delete(f, "env")
	delete(f, "expandenv")
	for name, fn := range istiodFuncs() {
		f[name] = fn
	}
	return f
}

type request struct {
	Templates map[string]string `json:"templates"`
	Pods      []struct {
		Template string       `json:"template"`
		Data     TemplateData `json:"data"`
	} `json:"pods"`
}

type result struct {
	Output string `json:"output,omitempty"`
	Error  string `json:"error,omitempty"`
}

func main() {
	var req request
	if err := json.NewDecoder(os.Stdin).Decode(&req); err != nil {
		fmt.Fprintln(os.Stderr, "gotemplate: bad request:", err)
		os.Exit(2)
	}
	parsed := map[string]*template.Template{}
	for name, text := range req.Templates {
		t, err := template.New(name).Funcs(funcs()).Parse(text)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gotemplate:", err)
			os.Exit(1)
		}
		parsed[name] = t
	}
	results := make([]result, 0, len(req.Pods))
	for _, pod := range req.Pods {
		t, ok := parsed[pod.Template]
		if !ok {
			results = append(results, result{Error: "no template " + pod.Template})
			continue
		}
		var out bytes.Buffer
		if err := t.Execute(&out, pod.Data); err != nil {
			results = append(results, result{Error: err.Error()})
			continue
		}
		results = append(results, result{Output: out.String()})
	}
	if err := json.NewEncoder(os.Stdout).Encode(results); err != nil {
		os.Exit(1)
	}
}
