import sys
import a
