// Package tricky holds signatures whose judgement needs care; gotypes_test.go has the answers.
package tricky

import (
	"context"
	"encoding/json"
	"io"
	nethttp "net/http"
	"os"
	"unsafe"
)

type (
	W           = nethttp.ResponseWriter
	Req         = *nethttp.Request
	DefW        nethttp.ResponseWriter
	R           nethttp.Request
	H           nethttp.HandlerFunc
	Empty       interface{}
	Any         = any
	Iface       interface{ M() }
	Ch          chan int
	RCh         = <-chan int
	DefRCh      <-chan int
	List[T any] []T
	P[T any]    *T
	Rec         []Rec
	Node        struct{ Next *Node }
	Key         string
	E           = error
	Cplx        complex64
)

func HTTPAlias(w W, r Req)                                  {}
func HTTPDefined(w DefW, r *nethttp.Request)                {}
func HTTPValue(w nethttp.ResponseWriter, r nethttp.Request) {}
func OW(in json.RawMessage) (interface{}, error)            { return nil, nil }
func OWAny(in json.RawMessage) (Any, E)                     { return nil, nil }
func OWEmpty(in json.RawMessage) (Empty, error)             { return nil, nil }
func Stream(in <-chan string) <-chan int                    { return nil }
func StreamErr(in RCh) (<-chan int, <-chan error)           { return nil, nil }
func StreamBadErr(in RCh) (<-chan int, <-chan string)       { return nil, nil }
func StreamBidi(in chan string) <-chan int                  { return nil }
func StreamDefined(in DefRCh) <-chan int                    { return nil }
func StreamNoData(in <-chan func()) <-chan int              { return nil }
func PtrR(r *R) string                                      { return "" }
func HF(h H) string                                         { return "" }
func EmptyIn(e Empty) Any                                   { return nil }
func IfaceIn(i Iface)                                       {}
func ChIn(c Ch)                                             {}
func Fn(f func())                                           {}
func Complex() complex128                                   { return 0 }
func ComplexDefined() Cplx                                  { return 0 }
func Ctx(ctx context.Context) error                         { return nil }
func Rd(r io.Reader) ([]byte, error)                        { return nil, nil }
func File(f *os.File) error                                 { return nil }
func Unsafe(p unsafe.Pointer)                               {}
func Gen(l List[int]) List[string]                          { return nil }
func GenBad(l List[func()])                                 {}
func GenPtr(p P[chan int])                                  {}
func GenPtrOK(p P[[]int])                                   {}
func Recursive(r Rec) Node                                  { return Node{} }
func MapKeyDefined(m map[Key]Empty)                         {}
func MapKeyForeign(m map[os.FileMode]int)                   {}
func MapKeyForeignIface(m map[context.Context]int)          {}
func MapKeyRune(m map[rune][2]string)                       {}
func MapKeyBool(m map[bool]int)                             {}
func MapKeyAny(m map[any]int)                               {}
func MapKeyStruct(m map[struct{}]int)                       {}
func MapKeyFloat(m map[float64]int)                         {}
func MapValueChan(m map[string]chan int)                    {}
func Two(a, b string)                                       {}
func Named() (n int, err error)                             { return 0, nil }
func ErrErr() (error, error)                                { return nil, nil }
func Runnable()                                             {}
func RunnableErr() error                                    { return nil }
func Paren(x *(string)) []int                               { return nil }
func Variadic(xs ...string)                                 {}
func Generic[T any](x T)                                    {}
func (n Node) Method()                                      {}
func unexported()                                           {}
func Ωmega()                                                {}
