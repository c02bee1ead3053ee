#include "textflag.h"

// func ident(s string) string
TEXT ·ident(SB), NOSPLIT, $0-32
	MOVQ s_base+0(FP), AX
	MOVQ s_len+8(FP), BX
	MOVQ AX, ret_base+16(FP)
	MOVQ BX, ret_len+24(FP)
	RET
