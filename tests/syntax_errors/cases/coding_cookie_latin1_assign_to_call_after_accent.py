# coding: latin-1
s = 'éé'; f() = 1
