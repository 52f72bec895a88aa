import a
import b
import a
