X = 1
def f0(x):
    return x + 0
def f1(x):
    return x + 1
def f2(x):
    return x + 2
def f3(x):
    return x + 3
def f4(x):
    return x + 4
def f5(x):
    return x + 5
def f6(x):
    return x + 6
def f7(x):
    return x + 7
def f8(x):
    return x + 8
def f9(x):
    return x + 9
def f10(x):
    return x + 10
def f11(x):
    return x + 11
def f12(x):
    return x + 12
def f13(x):
    return x + 13
def f14(x):
    return x + 14
def f15(x):
    return x + 15
def f16(x):
    return x + 16
def f17(x):
    return x + 17
def f18(x):
    return x + 18
def f19(x):
    return x + 19
def f20(x):
    return x + 20
def f21(x):
    return x + 21
def f22(x):
    return x + 22
def f23(x):
    return x + 23
def f24(x):
    return x + 24
def f25(x):
    return x + 25
def f26(x):
    return x + 26
def f27(x):
    return x + 27
def f28(x):
    return x + 28
def f29(x):
    return x + 29
def f30(x):
    return x + 30
def f31(x):
    return x + 31
def f32(x):
    return x + 32
def f33(x):
    return x + 33
def f34(x):
    return x + 34
def f35(x):
    return x + 35
def f36(x):
    return x + 36
def f37(x):
    return x + 37
def f38(x):
    return x + 38
def f39(x):
    return x + 39
def f40(x):
    return x + 40
def f41(x):
    return x + 41
def f42(x):
    return x + 42
def f43(x):
    return x + 43
def f44(x):
    return x + 44
def f45(x):
    return x + 45
def f46(x):
    return x + 46
def f47(x):
    return x + 47
def f48(x):
    return x + 48
def f49(x):
    return x + 49
def f50(x):
    return x + 50
def f51(x):
    return x + 51
def f52(x):
    return x + 52
def f53(x):
    return x + 53
def f54(x):
    return x + 54
def f55(x):
    return x + 55
def f56(x):
    return x + 56
def f57(x):
    return x + 57
def f58(x):
    return x + 58
def f59(x):
    return x + 59
def f60(x):
    return x + 60
def f61(x):
    return x + 61
def f62(x):
    return x + 62
def f63(x):
    return x + 63
def f64(x):
    return x + 64
def f65(x):
    return x + 65
def f66(x):
    return x + 66
def f67(x):
    return x + 67
def f68(x):
    return x + 68
def f69(x):
    return x + 69
def f70(x):
    return x + 70
def f71(x):
    return x + 71
def f72(x):
    return x + 72
def f73(x):
    return x + 73
def f74(x):
    return x + 74
def f75(x):
    return x + 75
def f76(x):
    return x + 76
def f77(x):
    return x + 77
def f78(x):
    return x + 78
def f79(x):
    return x + 79
def f80(x):
    return x + 80
def f81(x):
    return x + 81
def f82(x):
    return x + 82
def f83(x):
    return x + 83
def f84(x):
    return x + 84
def f85(x):
    return x + 85
def f86(x):
    return x + 86
def f87(x):
    return x + 87
def f88(x):
    return x + 88
def f89(x):
    return x + 89
def f90(x):
    return x + 90
def f91(x):
    return x + 91
def f92(x):
    return x + 92
def f93(x):
    return x + 93
def f94(x):
    return x + 94
def f95(x):
    return x + 95
def f96(x):
    return x + 96
def f97(x):
    return x + 97
def f98(x):
    return x + 98
def f99(x):
    return x + 99
def f100(x):
    return x + 100
def f101(x):
    return x + 101
def f102(x):
    return x + 102
def f103(x):
    return x + 103
def f104(x):
    return x + 104
def f105(x):
    return x + 105
def f106(x):
    return x + 106
def f107(x):
    return x + 107
def f108(x):
    return x + 108
def f109(x):
    return x + 109
def f110(x):
    return x + 110
def f111(x):
    return x + 111
def f112(x):
    return x + 112
def f113(x):
    return x + 113
def f114(x):
    return x + 114
def f115(x):
    return x + 115
def f116(x):
    return x + 116
def f117(x):
    return x + 117
def f118(x):
    return x + 118
def f119(x):
    return x + 119
def f120(x):
    return x + 120
def f121(x):
    return x + 121
def f122(x):
    return x + 122
def f123(x):
    return x + 123
def f124(x):
    return x + 124
def f125(x):
    return x + 125
def f126(x):
    return x + 126
def f127(x):
    return x + 127
def f128(x):
    return x + 128
def f129(x):
    return x + 129
def f130(x):
    return x + 130
def f131(x):
    return x + 131
def f132(x):
    return x + 132
def f133(x):
    return x + 133
def f134(x):
    return x + 134
def f135(x):
    return x + 135
def f136(x):
    return x + 136
def f137(x):
    return x + 137
def f138(x):
    return x + 138
def f139(x):
    return x + 139
def f140(x):
    return x + 140
def f141(x):
    return x + 141
def f142(x):
    return x + 142
def f143(x):
    return x + 143
def f144(x):
    return x + 144
def f145(x):
    return x + 145
def f146(x):
    return x + 146
def f147(x):
    return x + 147
def f148(x):
    return x + 148
def f149(x):
    return x + 149
def f150(x):
    return x + 150
def f151(x):
    return x + 151
def f152(x):
    return x + 152
def f153(x):
    return x + 153
def f154(x):
    return x + 154
def f155(x):
    return x + 155
def f156(x):
    return x + 156
def f157(x):
    return x + 157
def f158(x):
    return x + 158
def f159(x):
    return x + 159
def f160(x):
    return x + 160
def f161(x):
    return x + 161
def f162(x):
    return x + 162
def f163(x):
    return x + 163
def f164(x):
    return x + 164
def f165(x):
    return x + 165
def f166(x):
    return x + 166
def f167(x):
    return x + 167
def f168(x):
    return x + 168
def f169(x):
    return x + 169
def f170(x):
    return x + 170
def f171(x):
    return x + 171
def f172(x):
    return x + 172
def f173(x):
    return x + 173
def f174(x):
    return x + 174
def f175(x):
    return x + 175
def f176(x):
    return x + 176
def f177(x):
    return x + 177
def f178(x):
    return x + 178
def f179(x):
    return x + 179
def f180(x):
    return x + 180
def f181(x):
    return x + 181
def f182(x):
    return x + 182
def f183(x):
    return x + 183
def f184(x):
    return x + 184
def f185(x):
    return x + 185
def f186(x):
    return x + 186
def f187(x):
    return x + 187
def f188(x):
    return x + 188
def f189(x):
    return x + 189
def f190(x):
    return x + 190
def f191(x):
    return x + 191
def f192(x):
    return x + 192
def f193(x):
    return x + 193
def f194(x):
    return x + 194
def f195(x):
    return x + 195
def f196(x):
    return x + 196
def f197(x):
    return x + 197
def f198(x):
    return x + 198
def f199(x):
    return x + 199
def f200(x):
    return x + 200
def f201(x):
    return x + 201
def f202(x):
    return x + 202
def f203(x):
    return x + 203
def f204(x):
    return x + 204
def f205(x):
    return x + 205
def f206(x):
    return x + 206
def f207(x):
    return x + 207
def f208(x):
    return x + 208
def f209(x):
    return x + 209
def f210(x):
    return x + 210
def f211(x):
    return x + 211
def f212(x):
    return x + 212
def f213(x):
    return x + 213
def f214(x):
    return x + 214
def f215(x):
    return x + 215
def f216(x):
    return x + 216
def f217(x):
    return x + 217
def f218(x):
    return x + 218
def f219(x):
    return x + 219
def f220(x):
    return x + 220
def f221(x):
    return x + 221
def f222(x):
    return x + 222
def f223(x):
    return x + 223
def f224(x):
    return x + 224
def f225(x):
    return x + 225
def f226(x):
    return x + 226
def f227(x):
    return x + 227
def f228(x):
    return x + 228
def f229(x):
    return x + 229
def f230(x):
    return x + 230
def f231(x):
    return x + 231
def f232(x):
    return x + 232
def f233(x):
    return x + 233
def f234(x):
    return x + 234
def f235(x):
    return x + 235
def f236(x):
    return x + 236
def f237(x):
    return x + 237
def f238(x):
    return x + 238
def f239(x):
    return x + 239
def f240(x):
    return x + 240
def f241(x):
    return x + 241
def f242(x):
    return x + 242
def f243(x):
    return x + 243
def f244(x):
    return x + 244
def f245(x):
    return x + 245
def f246(x):
    return x + 246
def f247(x):
    return x + 247
def f248(x):
    return x + 248
def f249(x):
    return x + 249
def f250(x):
    return x + 250
def f251(x):
    return x + 251
def f252(x):
    return x + 252
def f253(x):
    return x + 253
def f254(x):
    return x + 254
def f255(x):
    return x + 255
def f256(x):
    return x + 256
def f257(x):
    return x + 257
def f258(x):
    return x + 258
def f259(x):
    return x + 259
def f260(x):
    return x + 260
def f261(x):
    return x + 261
def f262(x):
    return x + 262
def f263(x):
    return x + 263
def f264(x):
    return x + 264
def f265(x):
    return x + 265
def f266(x):
    return x + 266
def f267(x):
    return x + 267
def f268(x):
    return x + 268
def f269(x):
    return x + 269
def f270(x):
    return x + 270
def f271(x):
    return x + 271
def f272(x):
    return x + 272
def f273(x):
    return x + 273
def f274(x):
    return x + 274
def f275(x):
    return x + 275
def f276(x):
    return x + 276
def f277(x):
    return x + 277
def f278(x):
    return x + 278
def f279(x):
    return x + 279
def f280(x):
    return x + 280
def f281(x):
    return x + 281
def f282(x):
    return x + 282
def f283(x):
    return x + 283
def f284(x):
    return x + 284
def f285(x):
    return x + 285
def f286(x):
    return x + 286
def f287(x):
    return x + 287
def f288(x):
    return x + 288
def f289(x):
    return x + 289
def f290(x):
    return x + 290
def f291(x):
    return x + 291
def f292(x):
    return x + 292
def f293(x):
    return x + 293
def f294(x):
    return x + 294
def f295(x):
    return x + 295
def f296(x):
    return x + 296
def f297(x):
    return x + 297
def f298(x):
    return x + 298
def f299(x):
    return x + 299
