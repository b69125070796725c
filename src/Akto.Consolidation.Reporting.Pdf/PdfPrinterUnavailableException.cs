namespace Akto.Consolidation.Reporting.Pdf;

/// <summary>
/// No PDF can be printed: chromium is missing or does not start. The message is one line an operator can act on
/// (run <c>scripts/ensure-browser.sh</c>); the CLI prints it and exits 2, the API answers 503.
/// </summary>
public sealed class PdfPrinterUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    public static PdfPrinterUnavailableException Missing(string path) =>
        new($"找不到 chromium (no chromium at {path}): 运行 scripts/ensure-browser.sh 安装，或用 {ChromiumOptions.EnvironmentVariable} 指定路径");

    public static PdfPrinterUnavailableException CannotStart(string path, Exception inner) =>
        new($"chromium 无法启动 (chromium at {path} did not start: {FirstLine(inner.Message)}): 运行 scripts/ensure-browser.sh 重新安装", inner);

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
