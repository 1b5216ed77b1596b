// Command loadgen drives one generated server for the reliability tests: -clients goroutines,
// each sending one request at a time over a shared keep-alive transport for -duration, and
// prints one JSON line of figures. A request is an error unless it is answered 200 with exactly
// the expected body. "{i}" in the path, body and expected body is replaced by the request's
// number, so every request differs and every reply is checked.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// template is the request to send and the reply body to expect, as the test gives it.
type template struct {
	Method      string `json:"method"`
	Path        string `json:"path"`
	ContentType string `json:"contentType"`
	Body        string `json:"body"`
	Expected    string `json:"expected"`
}

// report is what loadgen prints.
type report struct {
	Requests   int     `json:"requests"`
	Errors     int     `json:"errors"`
	Seconds    float64 `json:"seconds"`
	RPS        float64 `json:"rps"`
	P50        float64 `json:"p50"`
	P99        float64 `json:"p99"`
	Max        float64 `json:"max"`
	FirstError string  `json:"firstError,omitempty"`
}

// worker is one client's tally.
type worker struct {
	latencies []time.Duration
	errors    int
	firstErr  string
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "the server's loopback address")
	clients := flag.Int("clients", 200, "concurrent clients")
	duration := flag.Duration("duration", 3*time.Second, "how long to send")
	spec := flag.String("template", "", "the request template as JSON")
	flag.Parse()
	var t template
	if err := json.Unmarshal([]byte(*spec), &t); err != nil {
		fmt.Fprintf(os.Stderr, "loadgen: bad -template: %v\n", err)
		os.Exit(2)
	}
	transport := &http.Transport{MaxConnsPerHost: *clients, MaxIdleConnsPerHost: *clients, DisableCompression: true}
	client := &http.Client{Transport: transport}
	workers := make([]worker, *clients)
	var next int64
	var wg sync.WaitGroup
	started := time.Now()
	deadline := started.Add(*duration)
	for i := range workers {
		wg.Add(1)
		go func(w *worker) {
			defer wg.Done()
			for time.Now().Before(deadline) {
				n := strconv.FormatInt(atomic.AddInt64(&next, 1)-1, 10)
				begun := time.Now()
				if err := once(client, *addr, t, n); err != nil {
					w.errors++
					if w.firstErr == "" {
						w.firstErr = err.Error()
					}
					continue
				}
				w.latencies = append(w.latencies, time.Since(begun))
			}
		}(&workers[i])
	}
	wg.Wait()
	json.NewEncoder(os.Stdout).Encode(summarize(workers, time.Since(started)))
}

// once sends the n-th request and checks its reply.
func once(client *http.Client, addr string, t template, n string) error {
	fill := func(s string) string { return strings.ReplaceAll(s, "{i}", n) }
	req, err := http.NewRequest(t.Method, "http://"+addr+fill(t.Path), strings.NewReader(fill(t.Body)))
	if err != nil {
		return err
	}
	if t.ContentType != "" {
		req.Header.Set("Content-Type", t.ContentType)
	}
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	if want := fill(t.Expected); res.StatusCode != http.StatusOK || string(body) != want {
		return fmt.Errorf("%s %s: got %d %q, want 200 %q", t.Method, fill(t.Path), res.StatusCode, body, want)
	}
	return nil
}

// summarize merges the workers' tallies into the report.
func summarize(workers []worker, elapsed time.Duration) report {
	var all []time.Duration
	r := report{Seconds: elapsed.Seconds()}
	for _, w := range workers {
		all = append(all, w.latencies...)
		r.Errors += w.errors
		if r.FirstError == "" {
			r.FirstError = w.firstErr
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	r.Requests = len(all) + r.Errors
	r.RPS = float64(r.Requests) / r.Seconds
	ms := func(q float64) float64 {
		if len(all) == 0 {
			return 0
		}
		i := int(q * float64(len(all)))
		if i >= len(all) {
			i = len(all) - 1
		}
		return float64(all[i]) / float64(time.Millisecond)
	}
	r.P50, r.P99, r.Max = ms(0.5), ms(0.99), ms(1)
	return r
}
