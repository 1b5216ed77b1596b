/**
 * Test-only Go files added to the temp copies of the fixtures. Probe functions wrap each
 * fixture's own function: they log every request they receive (so a test can tell a request the
 * server read whole from one it never saw), and sleep or panic on request. The goroutine hook
 * reports runtime.NumGoroutine() from a second listener. None of this is in the generated code.
 */

/** The line prefix a probe writes to stderr for each request it receives. */
export const gotPrefix = 'gofn-probe: got ';

/** The line prefix the goroutine hook writes to stderr with its address. */
export const hookPrefix = 'gofn-test: goroutines on ';

/** The panic message probes use. */
export const panicMessage = 'probe panicked on purpose';

/** The goroutine hook, a file of package main; it starts only when GOFN_TEST_GOROUTINES is set. */
export const goroutineHook = `// Test-only: reports runtime.NumGoroutine() on a second loopback listener for the reliability tests.
package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"runtime"
)

func init() {
	if os.Getenv("GOFN_TEST_GOROUTINES") == "" {
		return
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	fmt.Fprintf(os.Stderr, "${hookPrefix}%s\\n", ln.Addr())
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, runtime.NumGoroutine())
	}))
}
`;

/** Probe for http-handler: ?probe=panic panics, ?sleep=50ms sleeps, then Handle answers. */
export const httpProbe = `// Test-only: wraps Handle for the reliability tests.
package fn

import (
	"fmt"
	"net/http"
	"os"
	"time"
)

// Probe logs the request's path, then panics, sleeps or calls Handle as the query says.
func Probe(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(os.Stderr, "${gotPrefix}%s\\n", r.URL.Path)
	if r.URL.Query().Get("probe") == "panic" {
		panic("${panicMessage}")
	}
	if d, err := time.ParseDuration(r.URL.Query().Get("sleep")); err == nil {
		time.Sleep(d)
	}
	Handle(w, r)
}
`;

/** Probe for direct-function-error: items[0] is the id ("panic" panics), items[1] a sleep. */
export const directProbe = `// Test-only: wraps Checkout for the reliability tests.
package fn

import (
	"fmt"
	"os"
	"time"
)

// Probe logs the order's first item, then panics, sleeps or calls Checkout as the items say.
func Probe(o Order) (*Receipt, error) {
	if len(o.Items) > 0 {
		fmt.Fprintf(os.Stderr, "${gotPrefix}%s\\n", o.Items[0])
		if o.Items[0] == "panic" {
			panic("${panicMessage}")
		}
	}
	if len(o.Items) > 1 {
		if d, err := time.ParseDuration(o.Items[1]); err == nil {
			time.Sleep(d)
		}
	}
	return Checkout(o)
}
`;

/**
 * Probes for streaming: Probe logs each line ("id" or "id sleep") before Upper sees it; Panics
 * panics before it returns; Ticks sends "tick" every 10 ms until its input closes; Late's
 * results panic when encoded, after the reply has begun.
 */
export const streamingProbe = `// Test-only: wraps Upper for the reliability tests.
package fn

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
)

// Probe logs each input, sleeps if the input says so, and passes it on to Upper.
func Probe(in <-chan string) <-chan string {
	seen := make(chan string)
	go func() {
		defer close(seen)
		for s := range in {
			fmt.Fprintf(os.Stderr, "${gotPrefix}%s\\n", s)
			if _, after, ok := strings.Cut(s, " "); ok {
				if d, err := time.ParseDuration(after); err == nil {
					time.Sleep(d)
				}
			}
			seen <- s
		}
	}()
	return Upper(seen)
}

// Panics panics before it returns a channel.
func Panics(in <-chan string) <-chan string {
	panic("${panicMessage}")
}

// Bomb is a result whose encoding panics for "panic", as a buggy MarshalJSON would.
type Bomb string

// MarshalJSON panics for "panic".
func (b Bomb) MarshalJSON() ([]byte, error) {
	if b == "panic" {
		panic("${panicMessage}")
	}
	return json.Marshal(string(b))
}

// Late passes each input on as a Bomb; after "panic" it has one more result to send, so a
// server that stops reading out after the panic leaves this goroutine blocked for good.
func Late(in <-chan string) <-chan Bomb {
	out := make(chan Bomb)
	go func() {
		defer close(out)
		for s := range in {
			out <- Bomb(s)
			if s == "panic" {
				out <- Bomb("after the panic")
			}
		}
	}()
	return out
}

// Ticks sends a tick every 10 ms until its input closes, the way a server push watches its client.
func Ticks(in <-chan string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		ticker := time.NewTicker(10 * time.Millisecond)
		defer ticker.Stop()
		for {
			select {
			case _, ok := <-in:
				if !ok {
					return
				}
			case <-ticker.C:
				select {
				case out <- "tick":
				case _, ok := <-in:
					if !ok {
						return
					}
				}
			}
		}
	}()
	return out
}
`;

/** Probe for openwhisk-action (package main): value.name is the id, value.probe and value.sleep steer it. */
export const openwhiskProbe = `// Test-only: wraps Main for the reliability tests.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

// Probe logs the value's name, then panics, sleeps or calls Main as the value says.
func Probe(args json.RawMessage) (interface{}, error) {
	var p struct{ Name, Probe, Sleep string }
	json.Unmarshal(args, &p)
	fmt.Fprintf(os.Stderr, "${gotPrefix}%s\\n", p.Name)
	if p.Probe == "panic" {
		panic("${panicMessage}")
	}
	if d, err := time.ParseDuration(p.Sleep); err == nil {
		time.Sleep(d)
	}
	return Main(args)
}
`;
