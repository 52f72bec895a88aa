import pkg
pkg.__path__.append('extra')
import pkg.plugin
print(pkg.plugin.NAME, pkg.plugin.__name__)
