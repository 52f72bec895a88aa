#!/usr/bin/env python
# coding: nonsense-8
x = 1
