# Do not run this file directly: catkin_python_setup() in CMakeLists.txt uses it.
from setuptools import setup
from catkin_pkg.python_setup import generate_distutils_setup

setup_args = generate_distutils_setup(
    packages=['perception_demo'],
    package_dir={'': 'src'},
)

setup(**setup_args)
