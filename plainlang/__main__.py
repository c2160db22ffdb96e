import sys

from plainlang.cli import main

sys.exit(main())
