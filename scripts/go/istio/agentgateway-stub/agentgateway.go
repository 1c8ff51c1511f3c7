// Package agentgateway replaces Istio's agentgateway controller in skiff's test build of
// pilot-discovery. Its API module (github.com/agentgateway/agentgateway/api) is not served by
// the Go module proxy, so the controller cannot be compiled. The feature is experimental and
// off by default (PILOT_ENABLE_AGENTGATEWAY); turning it on stops this istiod with a message.
package agentgateway

import (
	"log"

	"istio.io/istio/pilot/pkg/model"
	"istio.io/istio/pilot/pkg/status"
	"istio.io/istio/pilot/pkg/xds"
)

// Controller has the fields and methods pilot's bootstrap uses; it is never constructed.
type Controller struct {
	model.AgentgatewayController
	Registrations []xds.Registration
}

// NewAgwController refuses to start: agentgateway support is not part of this build.
func NewAgwController(_ ...any) *Controller {
	log.Fatal("this pilot-discovery was built without agentgateway support; unset PILOT_ENABLE_AGENTGATEWAY")
	return nil
}

// SetStatusWrite is never reached (no Controller exists).
func (*Controller) SetStatusWrite(bool, *status.Manager) {}
