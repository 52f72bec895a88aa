# a imports b, whose body reads an attribute a has not bound yet.
import b
X = 1
