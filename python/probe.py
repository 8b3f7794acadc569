# ROS Env Doctor probe. Mirrors src/core/probe/protocol.ts: change both together and bump PROTOCOL_VERSION.
#
# Runs unchanged on CPython 2.7, 3.6-3.13 and Jython 2.7, standard library only.
#   <python> -B probe.py facts <mod1,mod2,...> [<distribution1,distribution2,...>]   (metadata found? never imported)
#   <python> -B probe.py import <module> [<deepTarget1,deepTarget2,...>]   (a target may be `alt1|alt2`: alternatives)
#   <python> -B probe.py imports <module>=<deepTargets> <module>=<deepTargets> ...   (one process, in this order)
#   <python> [-s] -B probe.py prove <module> <deepTargets> <watchedModules> [<sys.path entry to drop> ...]
# It prints exactly one JSON document (ASCII) on its own line between the sentinel lines (`imports`: one per module,
# each as soon as that module is done, so the caller sees how far it got if a later one crashes or hangs), then leaves with
# os._exit(0) so that a module's atexit handlers or non-daemon threads cannot hang the exit. It never crashes:
# whatever goes wrong still ends in a document, because the TypeScript side treats "no document" as
# "this is not a working Python interpreter".
import sys
import os

PROTOCOL_VERSION = 1


def _sentinel_id():
    # The caller's per-process nonce (src/core/probe/protocol.ts NONCE_VARIABLE): a document printed by code in the
    # interpreter without it is ignored, and one copying it makes two documents, which the caller rejects.
    nonce = os.environ.get('ROS_ENV_DOCTOR_PROBE_NONCE', '')
    if 0 < len(nonce) <= 64 and not [c for c in nonce if c not in '0123456789abcdef']:
        return nonce
    return '9b1f3e'


SENTINEL_BEGIN = '<<<ros-env-doctor:probe:begin:%s>>>' % _sentinel_id()
SENTINEL_END = '<<<ros-env-doctor:probe:end:%s>>>' % _sentinel_id()
# Every string and list in the document is cut to these, so a 5 MB exception message or 12,000 sys.path entries
# still fit well inside the caller's 1 MB output cap: the cap is for noise, never for a normal answer.
MAX_STRING_CHARS = 4000
MAX_LIST_ITEMS = 3000

MAX_WALK_ENTRIES = 2000
MAX_WALK_DEPTH = 4
MAX_EXTENSIONS = 40
TRACEBACK_LINES = 12


def _own_dir():
    try:
        return os.path.realpath(os.path.dirname(os.path.abspath(__file__)))
    except BaseException:
        return None


def _remove_own_dir():
    # Our folder is sys.path[0]; a file named like a module there (or a stale .pyc) must not shadow the real one.
    own = _own_dir()
    if own is None:
        return
    kept = []
    for entry in sys.path:
        try:
            if isinstance(entry, str) and entry and os.path.realpath(os.path.abspath(entry)) == own:
                continue
        except BaseException:
            pass
        kept.append(entry)
    sys.path[:] = kept


_remove_own_dir()

try:
    _text_type = unicode  # noqa: F821 (Python 2 / Jython)
    _bytes_type = str
except NameError:
    _text_type = str
    _bytes_type = bytes


def _text(value):
    """A unicode string, whatever Python 2 handed us (paths and messages may be undecodable bytes)."""
    if value is None:
        return None
    if isinstance(value, _text_type):
        return value
    if isinstance(value, _bytes_type):
        try:
            return value.decode('utf-8')
        except BaseException:
            return value.decode('latin-1')
    try:
        return _text_type(value)
    except BaseException:
        try:
            return _text(repr(value))
        except BaseException:
            return u'<unprintable>'


def _cut(text):
    if text is None or len(text) <= MAX_STRING_CHARS:
        return text
    return text[:MAX_STRING_CHARS] + u'... [%d more characters cut by the probe]' % (len(text) - MAX_STRING_CHARS)


def _clean(value):
    if isinstance(value, dict):
        out = {}
        for key in value:
            out[_text(key)] = _clean(value[key])
        return out
    if isinstance(value, (list, tuple)):
        return [_clean(item) for item in value[:MAX_LIST_ITEMS]]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return value
    try:
        if isinstance(value, long):  # noqa: F821 (Python 2)
            return int(value)
    except NameError:
        pass
    return _cut(_text(value))


# A small JSON encoder instead of `import json`, which pulls in `re` and the decoder and was a fifth of the
# facts pass's start-up. Output is ASCII only, keys sorted, like json.dumps(ensure_ascii=True, sort_keys=True).
_ESCAPE_TABLE = dict((code, u'\\u%04x' % code) for code in range(0x20))
_ESCAPE_TABLE.update({ord(u'"'): u'\\"', ord(u'\\'): u'\\\\', ord(u'\n'): u'\\n', ord(u'\r'): u'\\r', ord(u'\t'): u'\\t'})


def _quote(text):
    escaped = text.translate(_ESCAPE_TABLE)
    try:
        escaped.encode('ascii')
        return u'"' + escaped + u'"'
    except UnicodeError:
        pass
    out = []
    for ch in escaped:
        code = ord(ch)
        if code < 0x80:
            out.append(ch)
        elif code < 0x10000:
            out.append(u'\\u%04x' % code)
        else:
            code -= 0x10000
            out.append(u'\\u%04x\\u%04x' % (0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff)))
    return u'"' + u''.join(out) + u'"'


def _dumps(value):
    """value has been through _clean: dicts with text keys, lists, text, bool, None, int, float."""
    if value is None:
        return u'null'
    if value is True:
        return u'true'
    if value is False:
        return u'false'
    if isinstance(value, _text_type):
        return _quote(value)
    if isinstance(value, dict):
        return u'{' + u', '.join(_quote(key) + u': ' + _dumps(value[key]) for key in sorted(value)) + u'}'
    if isinstance(value, list):
        return u'[' + u', '.join(_dumps(item) for item in value) + u']'
    if isinstance(value, float):
        if value != value or value in (float('inf'), float('-inf')):
            return u'null'
        return _text_type(repr(value))
    return _text_type(int(value))


def _emit(document):
    _write_document(document)
    os._exit(0)


def _write_document(document):
    for stream in (getattr(sys, 'stdout', None), getattr(sys, 'stderr', None)):
        try:
            stream.flush()
        except BaseException:
            pass
    try:
        body = _dumps(_clean(document))
    except BaseException:
        exc = sys.exc_info()[1]
        body = '{"protocolVersion": %d, "mode": "broken", "error": %s}' % (PROTOCOL_VERSION, _quote(_text(repr(exc))))
    # The leading newline makes our sentinel start a line even if noise before it did not end with one.
    data = '\n' + SENTINEL_BEGIN + '\n' + body + '\n' + SENTINEL_END + '\n'
    if not isinstance(data, _bytes_type):
        data = data.encode('ascii')
    if not _write_fd(data):
        # Jython has no usable file descriptor 1; its stdout stream is the only way out.
        stream = getattr(sys, '__stdout__', None) or getattr(sys, 'stdout', None)
        try:
            stream.write(data.decode('ascii') if _text_type is str else data)
            stream.flush()
        except BaseException:
            pass


def _write_fd(data):
    """Writes straight to fd 1 (a module may have replaced sys.stdout); False when nothing could be written."""
    first = True
    while data:
        try:
            written = os.write(1, data)
        except BaseException:
            return not first
        if not written:
            return not first
        first = False
        data = data[written:]
    return True


def _exception_text(exc):
    try:
        return _text(str(exc))
    except BaseException:
        try:
            return _text(repr(exc))
        except BaseException:
            return u'<unprintable exception>'


def _norm(path):
    try:
        return os.path.normcase(os.path.abspath(path))
    except BaseException:
        return path


# ---------------------------------------------------------------- interpreter facts

def _implementation():
    impl = getattr(sys, 'implementation', None)
    if impl is not None and getattr(impl, 'name', None):
        return impl.name
    if sys.platform.startswith('java'):
        return 'jython'
    try:
        import platform
        return platform.python_implementation().lower()
    except BaseException:
        return 'unknown'


def _config_var(name):
    try:
        import sysconfig
        value = sysconfig.get_config_var(name)
        if value:
            return _text(value)
    except BaseException:
        pass
    return None


def _stdlib_dirs():
    dirs = []
    try:
        import sysconfig
        for key in ('stdlib', 'platstdlib'):
            try:
                path = sysconfig.get_path(key)
                if path:
                    dirs.append(path)
            except BaseException:
                pass
    except BaseException:
        pass
    try:
        dirs.append(os.path.dirname(os.__file__))
    except BaseException:
        pass
    result = []
    for d in dirs:
        for candidate in (d, os.path.join(d, 'lib-dynload')):
            if candidate not in result:
                result.append(candidate)
    return result


def _site_dirs():
    dirs = []
    try:
        import site
        getter = getattr(site, 'getsitepackages', None)
        if getter is not None:
            dirs.extend(getter())
    except BaseException:
        pass
    for entry in sys.path:
        if isinstance(entry, str) and (entry.endswith('site-packages') or entry.endswith('dist-packages')):
            dirs.append(entry)
    user = _user_site()
    if user:
        dirs.append(user)
    result = []
    seen = set()
    for d in dirs:
        key = _norm(d)
        if key in seen:
            continue
        seen.add(key)
        if os.path.isdir(d):
            result.append(d)
    return result


def _user_site():
    try:
        import site
        getter = getattr(site, 'getusersitepackages', None)
        if getter is not None:
            return getter()
        return getattr(site, 'USER_SITE', None)
    except BaseException:
        return None


def _pth_entries(site_dirs):
    """sys.path entries .pth files add, each with the .pth file that adds it (the culprit a proof run drops)."""
    entries = {}
    for d in site_dirs:
        try:
            names = sorted(os.listdir(d))
        except BaseException:
            continue
        for name in names:
            if not name.endswith('.pth'):
                continue
            try:
                handle = open(os.path.join(d, name))
                try:
                    lines = handle.read().splitlines()
                finally:
                    handle.close()
            except BaseException:
                continue
            for line in lines:
                line = line.strip()
                if not line or line.startswith('#') or line.startswith('import ') or line.startswith('import\t'):
                    continue
                key = _norm(os.path.join(d, line))
                if key not in entries:
                    entries[key] = os.path.join(d, name)
    return entries


def _under(path, roots):
    for root in roots:
        if path == root or path.startswith(root.rstrip(os.sep) + os.sep):
            return True
    return False


def _sys_path_entries(stdlib_dirs, site_dirs):
    pythonpath = os.environ.get('PYTHONPATH') or os.environ.get('JYTHONPATH') or ''
    from_env = set(_norm(p) for p in pythonpath.split(os.pathsep) if p)
    stdlib_roots = [_norm(d) for d in stdlib_dirs]
    site_keys = set(_norm(d) for d in site_dirs)
    user = _user_site()
    user_key = _norm(user) if user else None
    pth = _pth_entries(site_dirs)
    entries = []
    for entry in sys.path:
        if not isinstance(entry, (str, _text_type)):
            continue
        if entry == '':
            entries.append({'path': entry, 'origin': 'script', 'exists': True})
            continue
        key = _norm(entry)
        lower = key.lower()
        if key in from_env:
            origin = 'pythonpath'
        elif lower.endswith('.zip') or lower.endswith('.egg') and os.path.isfile(entry):
            origin = 'zip'
        elif user_key is not None and key == user_key:
            origin = 'user-site'
        elif key in site_keys:
            origin = 'site'
        elif _under(key, stdlib_roots) and 'site-packages' not in key and 'dist-packages' not in key:
            origin = 'stdlib'
        elif key in pth:
            origin = 'pth'
        else:
            origin = 'other'
        try:
            exists = os.path.exists(entry)
        except BaseException:
            exists = False
        item = {'path': entry, 'origin': origin, 'exists': exists}
        if origin == 'pth':
            item['pthFile'] = pth[key]
        entries.append(item)
    return entries


def _stdlib_modules(stdlib_dirs):
    names = getattr(sys, 'stdlib_module_names', None)
    if names:
        return sorted(names)
    found = set()
    for d in stdlib_dirs:
        try:
            listing = os.listdir(d)
        except BaseException:
            continue
        for name in listing:
            if name in ('site-packages', 'dist-packages', '__pycache__', 'test', 'tests'):
                continue
            path = os.path.join(d, name)
            if name.endswith('.py'):
                found.add(name[:-3])
            elif name.endswith('$py.class'):
                found.add(name[:-len('$py.class')])
            elif name.endswith('.so') or name.endswith('.pyd'):
                found.add(name.split('.')[0])
            elif '.' not in name and os.path.isdir(path) and (
                    os.path.exists(os.path.join(path, '__init__.py')) or
                    os.path.exists(os.path.join(path, '__init__$py.class'))):
                found.add(name)
    found.update(_archive_stdlib_modules())
    return sorted(n for n in found if n and n.replace('_', 'a').isalnum())


def _archive_stdlib_modules():
    """Modules of a standard library kept in an archive on sys.path: Jython's jar (`jython.jar/Lib`), python27.zip."""
    found = set()
    # An archive the user put on PYTHONPATH/JYTHONPATH holds their packages, not the standard library.
    from_env = set()
    for variable in ('PYTHONPATH', 'JYTHONPATH'):
        from_env.update(_norm(p) for p in (os.environ.get(variable) or '').split(os.pathsep) if p)
    for entry in sys.path:
        try:
            lowered = entry.lower()
            cut = max(lowered.find('.jar'), lowered.find('.zip'))
            if cut < 0 or 'site-packages' in lowered or 'dist-packages' in lowered:
                continue
            archive = entry[:cut + 4]
            if _norm(archive) in from_env:
                continue
            inner = entry[cut + 4:].strip('/\\')
            prefix = inner + '/' if inner else ''
            if not os.path.isfile(archive):
                continue  # python3X.zip is on every sys.path and rarely exists: no zipfile import for it
            import zipfile
            names = zipfile.ZipFile(archive).namelist()
        except BaseException:
            continue
        for name in names:
            if not name.startswith(prefix):
                continue
            rest = name[len(prefix):]
            top = rest.split('/', 1)[0]
            if '/' in rest:
                found.add(top)
            elif top.endswith('.py'):
                found.add(top[:-3])
            elif top.endswith('$py.class'):
                found.add(top[:-len('$py.class')])
    return found


def _facts():
    info = sys.version_info
    stdlib_dirs = _stdlib_dirs()
    site_dirs = _site_dirs()
    prefix = sys.prefix
    base_prefix = getattr(sys, 'real_prefix', None) or getattr(sys, 'base_prefix', None) or prefix
    is_venv = base_prefix != prefix or hasattr(sys, 'real_prefix')
    marker = False
    for d in stdlib_dirs[:1]:
        try:
            marker = os.path.isfile(os.path.join(d, 'EXTERNALLY-MANAGED'))
        except BaseException:
            marker = False
    try:
        machine = os.uname()[4]
    except BaseException:
        try:
            import platform
            machine = platform.machine()
        except BaseException:
            machine = ''
    return {
        'implementation': _implementation(),
        'version': {'major': int(info[0]), 'minor': int(info[1]), 'micro': int(info[2]), 'releaseLevel': _text(info[3])},
        'versionString': _text(sys.version).splitlines()[0] if sys.version else u'',
        'executable': sys.executable or u'',
        'prefix': prefix or u'',
        'basePrefix': base_prefix or u'',
        'platform': sys.platform,
        'machine': machine or u'',
        'extSuffix': _config_var('EXT_SUFFIX'),
        'soabi': _config_var('SOABI'),
        'isVenv': bool(is_venv),
        'isConda': bool(prefix and os.path.isdir(os.path.join(prefix, 'conda-meta'))),
        # PEP 668: the marker applies only outside a virtual environment.
        'externallyManaged': bool(marker and not is_venv),
        'sysPath': _sys_path_entries(stdlib_dirs, site_dirs),
        'pythonPathEnv': os.environ.get('PYTHONPATH'),
        'stdlibModules': _stdlib_modules(stdlib_dirs),
        'builtinModules': sorted(sys.builtin_module_names),
        'siteDirs': site_dirs,
    }


# ---------------------------------------------------------------- specs (no import)

def _extension_suffixes():
    try:
        import importlib.machinery
        return list(importlib.machinery.EXTENSION_SUFFIXES)
    except BaseException:
        pass
    try:
        import imp
        return [s for (s, _m, t) in imp.get_suffixes() if t == imp.C_EXTENSION]
    except BaseException:
        return []


def _is_extension_name(name):
    return name.endswith('.so') or name.endswith('.pyd')


def _path_dirs():
    dirs = []
    for entry in sys.path:
        if isinstance(entry, (str, _text_type)):
            d = entry or '.'
            if os.path.isdir(d) and d not in dirs:
                dirs.append(d)
    return dirs


def _not_found(top):
    accepted = _extension_suffixes()
    foreign = []
    variants = []
    lower = top.lower()
    for d in _path_dirs():
        try:
            listing = os.listdir(d)
        except BaseException:
            continue
        for name in listing:
            if name.startswith(top + '.') and _is_extension_name(name):
                if name[len(top):] not in accepted:
                    foreign.append(os.path.join(d, name))
            elif name == top and os.path.isdir(os.path.join(d, name)):
                try:
                    inner = os.listdir(os.path.join(d, name))
                except BaseException:
                    inner = []
                for item in inner:
                    if item.startswith('__init__.') and _is_extension_name(item) and item[len('__init__'):] not in accepted:
                        foreign.append(os.path.join(d, name, item))
            stem = name.split('.')[0]
            if stem != top and stem.lower() == lower and stem not in variants:
                variants.append(stem)
    return {'found': False, 'foreignExtensions': foreign, 'caseVariants': variants}


def _found_by_importers(top):
    """The spec of a top-level module that a path hook's importer (zipimport: eggs, jars) finds; None otherwise."""
    try:
        import pkgutil
        loader = pkgutil.find_loader(top)
    except BaseException:
        return None
    if loader is None:
        return None
    origin = None
    try:
        origin = loader.get_filename(top)
    except BaseException:
        archive = getattr(loader, 'archive', None)
        if archive:
            origin = os.path.join(archive, top)
    try:
        is_package = bool(loader.is_package(top))
    except BaseException:
        is_package = False
    return {'found': True, 'origin': origin, 'isPackage': is_package}


def _spec(name):
    top = name.split('.')[0]
    try:
        try:
            import importlib.util
            find_spec = importlib.util.find_spec
        except BaseException:
            find_spec = None
        if find_spec is not None:
            spec = find_spec(top)
            if spec is None:
                return _not_found(top)
            origin = spec.origin
            if origin == 'namespace':
                origin = None
            if origin is None and top in sys.builtin_module_names:
                origin = 'built-in'
            return {'found': True, 'origin': origin, 'isPackage': spec.submodule_search_locations is not None}
        import imp
        if top in sys.builtin_module_names:
            return {'found': True, 'origin': 'built-in', 'isPackage': False}
        try:
            handle, pathname, description = imp.find_module(top)
        except ImportError:
            # imp sees only folders; the import system's own finders also see zipped eggs and jars on sys.path.
            found = _found_by_importers(top)
            return found if found is not None else _not_found(top)
        if handle is not None:
            try:
                handle.close()
            except BaseException:
                pass
        is_package = description[2] == imp.PKG_DIRECTORY
        origin = pathname
        if is_package:
            for init in ('__init__.py', '__init__.pyc', '__init__$py.class'):
                candidate = os.path.join(pathname, init)
                if os.path.exists(candidate):
                    origin = candidate
                    break
        elif description[2] == imp.C_BUILTIN:
            origin = 'built-in'
        return {'found': True, 'origin': origin, 'isPackage': bool(is_package)}
    except BaseException:
        exc = sys.exc_info()[1]
        return {'found': 'error', 'exceptionType': type(exc).__name__, 'message': _exception_text(exc)}


def _metadata_module():
    # importlib.metadata is 3.8+; before it (2.7, 3.6, 3.7, Jython) only the importlib_metadata backport has it.
    for name in ('importlib.metadata', 'importlib_metadata'):
        try:
            __import__(name)
            return sys.modules[name]
        except BaseException:
            continue
    return None


def _distributions(names):
    """Whether each distribution's metadata is found on sys.path, asked exactly as a setuptools entry-point script
    asks first (importlib.metadata.distribution(name)); nothing of the distribution is imported or run."""
    metadata = _metadata_module()
    result = {}
    for name in names:
        if metadata is None:
            result[name] = {'found': 'not-applicable'}
            continue
        try:
            dist = metadata.distribution(name)
            try:
                version = dist.version
            except BaseException:
                version = None
            result[name] = {'found': True, 'version': version}
        except BaseException:
            exc = sys.exc_info()[1]
            if type(exc).__name__ == 'PackageNotFoundError':
                result[name] = {'found': False, 'message': _exception_text(exc)}
            else:
                result[name] = {'found': 'error', 'exceptionType': type(exc).__name__, 'message': _exception_text(exc)}
    return result


def _run_facts(modules, distributions=None):
    specs = {}
    for name in modules:
        specs[name] = _spec(name)
    document = {'protocolVersion': PROTOCOL_VERSION, 'mode': 'facts', 'interpreter': _facts(), 'specs': specs}
    if distributions is not None:
        document['distributions'] = _distributions(distributions)
    return document


# ---------------------------------------------------------------- one real import

def _abi_tag(filename):
    stem = filename
    for suffix in ('.so', '.pyd'):
        if stem.endswith(suffix):
            stem = stem[:-len(suffix)]
            break
    if '.' not in stem:
        return None
    return stem.rsplit('.', 1)[1] or None


def _extensions(module):
    files = []
    module_file = getattr(module, '__file__', None)
    if isinstance(module_file, (str, _text_type)) and _is_extension_name(module_file):
        files.append(module_file)
    roots = getattr(module, '__path__', None)
    root = None
    try:
        for item in list(roots or [])[:1]:
            root = item
    except BaseException:
        root = None
    if root and os.path.isdir(root):
        # Breadth first, bounded: top-level extensions (torch/_C.*.so) come before deep vendored libraries.
        queue = [(root, 0)]
        seen = 0
        while queue and seen < MAX_WALK_ENTRIES:
            directory, depth = queue.pop(0)
            try:
                listing = sorted(os.listdir(directory))
            except BaseException:
                continue
            for name in listing:
                seen += 1
                if seen > MAX_WALK_ENTRIES:
                    break
                path = os.path.join(directory, name)
                if _is_extension_name(name):
                    files.append(path)
                elif depth + 1 < MAX_WALK_DEPTH and name != '__pycache__' and os.path.isdir(path) and not os.path.islink(path):
                    queue.append((path, depth + 1))
    tagged = [f for f in files if _abi_tag(os.path.basename(f)) is not None]
    untagged = [f for f in files if _abi_tag(os.path.basename(f)) is None]
    return [{'file': f, 'abiTag': _abi_tag(os.path.basename(f))} for f in (tagged + untagged)[:MAX_EXTENSIONS]]


def _version(module):
    for attribute in ('__version__', 'VERSION', 'version'):
        value = getattr(module, attribute, None)
        if value is None:
            continue
        if isinstance(value, (str, _text_type, _bytes_type)):
            return _text(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _text(value)
        if isinstance(value, tuple) and value and all(isinstance(p, (int, str, _text_type)) for p in value):
            return u'.'.join(_text(p) for p in value)
    return None


def _missing_name(message):
    marker = 'No module named '
    index = message.find(marker)
    if index < 0:
        return None
    rest = message[index + len(marker):].strip()
    rest = rest.strip('\'"')
    name = ''
    for ch in rest:
        if ch.isalnum() or ch in '_.':
            name += ch
        else:
            break
    return name or None


def _is_missing_module(exc, module):
    if not isinstance(exc, ImportError):
        return False
    if _error_path(exc) is not None:
        # The loader found the file and refused it (a missing library, a GLIBCXX version): there, but broken.
        return False
    parts = module.split('.')
    prefixes = ['.'.join(parts[:i]) for i in range(1, len(parts) + 1)]
    named = getattr(exc, 'name', None)
    if named:
        return named in prefixes
    missing = _missing_name(_exception_text(exc))
    if missing is None:
        return False
    # Python 2 names only the part it could not find ("No module named bar" for foo.bar).
    return missing in prefixes or module.endswith('.' + missing)


def _raised_at(exc, tb):
    if isinstance(exc, SyntaxError) and getattr(exc, 'filename', None) and getattr(exc, 'lineno', None):
        return {'file': exc.filename, 'line': int(exc.lineno)}
    found = None
    own = _own_dir()
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        # Our own frames and importlib's frozen ones say nothing about where the user's import broke.
        mine = own is not None and os.path.dirname(os.path.realpath(filename or '')) == own
        if filename and not filename.startswith('<') and not mine:
            found = {'file': filename, 'line': int(tb.tb_lineno)}
        tb = tb.tb_next
    return found


def _traceback_text(exc_type, exc, tb):
    try:
        import traceback
        lines = ''.join(traceback.format_exception(exc_type, exc, tb)).splitlines()
        return u'\n'.join(_text(line) for line in lines[-TRACEBACK_LINES:])
    except BaseException:
        return _exception_text(exc)


class _Folder(object):
    def __init__(self, folder):
        self.__path__ = [folder]


def _package_folder(name):
    # A package whose import failed is gone from sys.modules; its folder still shows which extension files it ships
    # (rclpy's binding tagged for another Python is the answer to "isn't present on the system").
    spec = _spec(name)
    origin = spec.get('origin') if spec.get('found') is True and spec.get('isPackage') else None
    return _Folder(os.path.dirname(origin)) if origin else None


def _error(stage, target, exc_info, module):
    exc_type, exc, tb = exc_info
    message = _exception_text(exc)
    return {
        'status': 'error',
        'stage': stage,
        'target': target,
        'exceptionType': exc_type.__name__ if exc_type is not None else 'Exception',
        'message': message,
        'missingName': _missing_name(message) if isinstance(exc, ImportError) else None,
        'raisedAt': _raised_at(exc, tb),
        'traceback': _traceback_text(exc_type, exc, tb),
        'file': getattr(module, '__file__', None) if module is not None else None,
        'version': _version(module) if module is not None else None,
        'extensions': _extensions(module if module is not None else _package_folder(target)),
        'loaded': _loaded_packages(),
        'errorPath': _error_path(exc),
    }


def _import_deep(target):
    """Imports one deep-check target. `a|b` are alternatives for different versions of a package (numpy 2 has
    numpy._core, numpy 1 numpy.core): one whose module does not exist gives way to the next; the last one, or one
    that exists but fails, is the answer. Returns the target imported (or failed) and sys.exc_info() or None."""
    alternatives = target.split('|')
    for index, alternative in enumerate(alternatives):
        try:
            __import__(alternative)
            return alternative, None
        except BaseException:
            info = sys.exc_info()
            if index < len(alternatives) - 1 and _is_missing_module(info[1], alternative):
                continue
            return alternative, info
    return target, None


def _run_import(module_name, deep_targets):
    module = None
    try:
        __import__(module_name)
        module = sys.modules.get(module_name)
    except BaseException:
        info = sys.exc_info()
        if _is_missing_module(info[1], module_name):
            outcome = {'status': 'missing', 'exceptionType': info[0].__name__, 'message': _exception_text(info[1])}
        else:
            outcome = _error('import', module_name, info, sys.modules.get(module_name))
        return {'protocolVersion': PROTOCOL_VERSION, 'mode': 'import', 'module': module_name, 'outcome': outcome}
    checks = []
    for target in deep_targets:
        imported, info = _import_deep(target)
        if info is not None:
            outcome = _error('deep-check', imported, info, module)
            return {'protocolVersion': PROTOCOL_VERSION, 'mode': 'import', 'module': module_name, 'outcome': outcome}
        checks.append({'target': imported, 'status': 'ok'})
    outcome = {
        'status': 'ok',
        'file': getattr(module, '__file__', None),
        'version': _version(module),
        'extensions': _extensions(module),
        'deepChecks': checks,
    }
    return {'protocolVersion': PROTOCOL_VERSION, 'mode': 'import', 'module': module_name, 'outcome': outcome}


# ---------------------------------------------------------------- proof of a cause
# After a failed import: which packages were loaded (and from where), so the TypeScript side can name a suspect
# (the user site, a PYTHONPATH entry, a .pth file's entries) and prove it with a second, isolated run: `prove`
# imports the module again with that suspect's sys.path entries dropped (the user site is left out with -s instead).

MAX_LOADED = 200


def _loaded_packages():
    """Top-level modules loaded from outside the standard library: [{module, file, version}], bounded."""
    roots = [_norm(d) for d in _stdlib_dirs()]
    found = []
    for name in sorted(list(sys.modules.keys())):
        if len(found) >= MAX_LOADED:
            break
        if not isinstance(name, (str, _text_type)) or '.' in name or name in ('__main__', '__mp_main__'):
            continue
        module = sys.modules.get(name)
        where = getattr(module, '__file__', None)
        if not isinstance(where, (str, _text_type)):
            continue
        key = _norm(where)
        if _under(key, roots) and 'site-packages' not in key and 'dist-packages' not in key:
            continue
        try:
            version = _version(module)
        except BaseException:
            version = None
        found.append({'module': name, 'file': where, 'version': version})
    return found


def _error_path(exc):
    """The file an ImportError names (a compiled extension the loader refused), or None."""
    value = getattr(exc, 'path', None)
    return value if isinstance(value, (str, _text_type)) else None


def _drop_entries(paths):
    drop = set(_norm(p) for p in paths)
    kept = []
    dropped = []
    for entry in sys.path:
        try:
            if isinstance(entry, (str, _text_type)) and entry and _norm(entry) in drop:
                dropped.append(entry)
                continue
        except BaseException:
            pass
        kept.append(entry)
    sys.path[:] = kept
    return dropped


def _watched(names):
    out = []
    for name in names:
        module = sys.modules.get(name)
        if module is None:
            try:
                __import__(name)
                module = sys.modules.get(name)
            except BaseException:
                module = None
        where = getattr(module, '__file__', None) if module is not None else None
        out.append({'module': name, 'file': where if isinstance(where, (str, _text_type)) else None,
                    'version': _version(module) if module is not None else None})
    return out


def _run_prove(module_name, deep_targets, watch, drop):
    dropped = _drop_entries(drop)
    document = _run_import(module_name, deep_targets)
    document['mode'] = 'prove'
    document['dropped'] = dropped
    document['watched'] = _watched(watch)
    return document


def _run_imports(args):
    # Each module after the first imports into a process the ones before it have changed: the caller trusts only
    # the first module's failure as is, and runs a later failing module again in a process of its own.
    for arg in args:
        name, _, deep = arg.partition('=')
        _write_document(_run_import(name, _split(deep)))
    return None


def _split(arg):
    return [part for part in arg.split(',') if part]


def main(argv):
    if len(argv) >= 1 and argv[0] == 'facts':
        return _run_facts(_split(argv[1]) if len(argv) > 1 else [], _split(argv[2]) if len(argv) > 2 else None)
    if len(argv) >= 2 and argv[0] == 'import':
        return _run_import(argv[1], _split(argv[2]) if len(argv) > 2 else [])
    if len(argv) >= 2 and argv[0] == 'imports':
        return _run_imports(argv[1:])
    if len(argv) >= 4 and argv[0] == 'prove':
        return _run_prove(argv[1], _split(argv[2]), _split(argv[3]), argv[4:])
    return {'protocolVersion': PROTOCOL_VERSION, 'mode': 'usage', 'error': 'usage: probe.py facts <mods> | import <mod> [<deep>]'}


if __name__ == '__main__':
    try:
        _document = main(sys.argv[1:])
    except BaseException:
        _info = sys.exc_info()
        _document = {'protocolVersion': PROTOCOL_VERSION, 'mode': 'broken', 'error': _exception_text(_info[1])}
    if _document is None:
        os._exit(0)
    _emit(_document)
