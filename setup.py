"""The compiled parts, both optional (pyproject.toml holds the rest): relay.model._langid
(language detection's hot loops) and relay.runtime._linescan (the DATA reader's line scan).

Where there is no C compiler or no Python headers, the build warns and goes on without them,
and relay.model.langid and relay.runtime.smtp_data run their pure-Python code (the same
answers, slower).
"""

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class BuildExt(build_ext):  # type: ignore[misc]
    def build_extensions(self) -> None:
        if self.compiler.compiler_type == "unix":  # gcc and clang
            for extension in self.extensions:
                # langid's floats must be langdetect's bit for bit: no fused multiply-add
                # (aarch64 and x86 with FMA would fuse `a + b * c` by default)
                extension.extra_compile_args.append("-ffp-contract=off")
        super().build_extensions()


setup(
    ext_modules=[
        Extension("relay.model._langid", ["relay/model/_langid.c"], optional=True),
        Extension("relay.runtime._linescan", ["relay/runtime/_linescan.c"], optional=True),
    ],
    cmdclass={"build_ext": BuildExt},
)
