import a1
import a2
