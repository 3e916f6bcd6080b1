import sys

from esgbook.cli import main

sys.exit(main())
