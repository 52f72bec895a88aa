# -*- coding: latin-1 -*-
S = 'été'
