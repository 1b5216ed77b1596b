// SPEC §3's data types, judged through classification: `func X(x T)` and `func Y() T` are direct
// exactly when T is data. Each case's package declares the helper types the cases name.
import { describe, expect, test } from 'vitest';
import { classifyPackage } from './index.js';
import { goPackage, useGoParser } from './test-helpers.js';

useGoParser();

const prelude = `package fn

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"
	"unsafe"
	xcontext "golang.org/x/net/context"
	"github.com/aws/aws-sdk-go/aws"
)

type F func()
type R http.Request
type H http.HandlerFunc
type K bool
type S = string
type E interface{}
type Rec []Rec
type Node struct{ Next *Node }
type List[T any] []T
type Pair[K comparable, V any] map[K]V
type Stream[T any] func() T
type Wrap[T any] struct{ v T }
`;

function classified(type: string): string[] {
  const pkg = goPackage(`${prelude}\nfunc X(x ${type}) {}\nfunc Y() ${type} { panic(0) }\n`);
  return classifyPackage(pkg).functions.map((fn) => fn.name);
}

const data = [
  'string', 'int', 'bool', 'float64', 'uintptr', 'byte', 'rune', '[]byte', '[4]int', '*int', 'any', 'interface{}',
  'struct{ F func() }', 'map[string]int', 'map[rune]bool', 'map[uint8]int', 'map[S]int', 'map[K]int',
  'map[time.Duration]int', 'map[time.Month]int', 'time.Time', 'fmt.Stringer', 'H', 'E', 'Rec', 'Node', '*Node',
  'List[int]', 'List[List[string]]', 'Pair[string, int]', 'Wrap[chan int]', 'xcontext.CancelFunc',
];

const notData = [
  'chan int', '<-chan int', 'func()', 'complex64', 'complex128', 'unsafe.Pointer', 'interface{ M() }',
  'interface{ fmt.Stringer }', 'context.Context', 'xcontext.Context', 'aws.Context', '*http.Request',
  'http.Request', 'http.ResponseWriter', 'io.Reader', 'io.Writer', 'io.Closer', 'io.ReadCloser',
  'io.WriteCloser', 'io.ReadWriter', 'io.ReadWriteCloser', '[]chan int', '[2]func()', '*F', 'F', 'R', '*R',
  'map[bool]int', 'map[float64]int', 'map[any]int', 'map[interface{}]int', 'map[error]int', 'map[struct{}]int',
  'map[[2]int]int', 'map[*int]int', 'map[string]func()', 'List[chan int]', 'List[List[chan int]]',
  'List[Stream[int]]', 'Pair[bool, int]', 'Pair[string, F]',
];

describe('data types', () => {
  test.each(data)('%s is data', (type) => expect(classified(type)).toEqual(['X', 'Y']));
  test.each(notData)('%s is not data', (type) => expect(classified(type)).toEqual([]));
  test('error is not data as X, and as a lone result it makes a runnable', () => expect(classified('error')).toEqual(['Y']));
});
