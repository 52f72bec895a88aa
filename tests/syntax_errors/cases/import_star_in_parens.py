from os import (*)
