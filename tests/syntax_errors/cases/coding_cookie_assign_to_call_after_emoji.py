# -*- coding: utf-8 -*-
s = '😀'; f() = 1
