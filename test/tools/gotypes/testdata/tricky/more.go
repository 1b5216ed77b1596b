package tricky

import (
	"encoding/json"
	nethttp "net/http"
)

type (
	A1                        = A2
	A2                        = nethttp.ResponseWriter
	B                         = bool
	KeyAlias                  = Key
	AE                        = Empty
	Pair[K comparable, V any] map[K]V
	Box[T any]                struct{ v T }
	Embeds                    interface{ any }
)

func AliasChain(w A1, r *(nethttp.Request))                   {}
func RIn(r R) string                                          { return "" }
func DefWIn(w DefW)                                           {}
func MapKeyAliasBool(m map[B]int)                             {}
func MapKeyAliasDefined(m map[KeyAlias]int)                   {}
func MapKeyDefinedChan(m map[Ch]int)                          {}
func SendOnly(c chan<- int)                                   {}
func ArrayOfFunc(a [2]func())                                 {}
func PairBadValue(p Pair[string, chan int])                   {}
func PairBadKey(p Pair[bool, int])                            {}
func PairKeyDefined(p Pair[Key, int])                         {}
func BoxOfFunc(b Box[func()]) Box[chan int]                   { return Box[chan int]{} }
func EmbedsIn(e Embeds)                                       {}
func Éclair()                                                 {}
func ǅungla()                                                 {}
func été()                                                    {}
func TwoResults() (a, b int)                                  { return 0, 0 }
func OWNamed(in json.RawMessage) (out interface{}, err error) { return nil, nil }
func OWDefinedEmpty(in json.RawMessage) (AE, error)           { return nil, nil }
func OWPtr(in *json.RawMessage) (any, error)                  { return nil, nil }
func StreamParen(in <-chan (int)) <-chan Node                 { return nil }
func StreamErrOnly(in <-chan int) <-chan error                { return nil }
func StreamOfDefinedPtr(in <-chan *R) <-chan int              { return nil }
