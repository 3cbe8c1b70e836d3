"""Messages shared by every command: errors, exit summaries, global options."""

MESSAGES: dict[str, dict[str, str]] = {
    "core.error_prefix": {"en": "error", "zh": "错误"},
    "core.hint_prefix": {"en": "hint", "zh": "提示"},
    "core.internal_error": {
        "en": "internal error: {error}. This is a bug in sqtool; rerun with --debug and report it.",
        "zh": "内部错误：{error}。这是 sqtool 的缺陷；请加 --debug 重新运行并报告。",
    },
    "completion.bad_shell": {
        "en": "sqtool has no completion for the shell {value!r}",
        "zh": "sqtool 不支持为 {value!r} 生成补全脚本",
    },
    "completion.bad_shell_hint": {"en": "choose one of: {shells}", "zh": "可选：{shells}"},
    "api.no_pandas": {
        "en": "pandas is not installed: pip install pandas, or use .table(name) for the rows as lists of dicts",
        "zh": "没有安装 pandas：请先 pip install pandas，或用 .table(name) 直接取行（字典列表）",
    },
    "core.backend_native": {
        "en": (
            "backend: native (C++, simdjson {simdjson}, {kernel} kernel): reads {formats} and runs the audit's"
            " conversation model; other formats are read in Python"
        ),
        "zh": (
            "后端：原生（C++，simdjson {simdjson}，{kernel} 指令集），读取 {formats}，并运行体检的对话模型；"
            "其他格式用 Python 读取"
        ),
    },
    "core.backend_python_forced": {
        "en": "backend: pure Python ({variable}=python is set)",
        "zh": "后端：纯 Python（已设置 {variable}=python）",
    },
    "core.backend_python_unbuilt": {
        "en": "backend: pure Python (the native module was not built: no C++17 compiler when installed)",
        "zh": "后端：纯 Python（安装时没有 C++17 编译器，未编译原生模块）",
    },
    "core.backend_unknown": {
        "en": "{variable}={value} is not a backend sqtool knows",
        "zh": "{variable}={value} 不是 sqtool 认识的后端",
    },
    "core.backend_unknown_hint": {
        "en": "use {variable}=python (pure Python) or native (the compiled readers), or leave it unset",
        "zh": "请设为 {variable}=python（纯 Python）或 native（原生读取），或者干脆不设",
    },
    "core.backend_missing": {
        "en": "{variable}=native is set, but the native readers are not built in this install ({reason})",
        "zh": "已设置 {variable}=native，但这次安装没有编译原生读取模块（{reason}）",
    },
    "core.backend_missing_hint": {
        "en": "reinstall where a C++17 compiler is installed (pip says why it skipped the build), or unset {variable}",
        "zh": "请在装有 C++17 编译器的机器上重新安装（pip 会说明为什么跳过了编译），或取消 {variable}",
    },
    "core.interrupted": {"en": "interrupted; nothing was written.", "zh": "已中断；没有写入任何文件。"},
    "core.bad_fail_on": {
        "en": "unknown level {value!r} for {where}",
        "zh": "{where} 的级别 {value!r} 无效",
    },
    "core.bad_fail_on_hint": {
        "en": "use error, warning, info or never (never: findings do not change the exit code)",
        "zh": "请使用 error、warning、info 或 never（never：有发现也不改变退出码）",
    },
    "core.bad_lang": {
        "en": "unknown language {value!r}: use en or zh",
        "zh": "未知语言 {value!r}：请使用 en 或 zh",
    },
}
