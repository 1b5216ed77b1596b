/* a block comment
//go:build ignore
*/

package files

func InBlock() {}
