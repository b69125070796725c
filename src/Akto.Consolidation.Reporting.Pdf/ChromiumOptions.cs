namespace Akto.Consolidation.Reporting.Pdf;

/// <summary>
/// Where the headless chromium that prints PDFs lives: <c>AKTO_CHROMIUM</c> (set by <c>scripts/test.sh</c>), else
/// Debian's <c>/usr/bin/chromium</c> as <c>scripts/ensure-browser.sh</c> installs it. Playwright's own browser downloads
/// are never used.
/// </summary>
public sealed record ChromiumOptions(string ExecutablePath)
{
    /// <summary>The environment variable naming the chromium executable.</summary>
    public const string EnvironmentVariable = "AKTO_CHROMIUM";

    /// <summary>Debian's chromium.</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary><c>AKTO_CHROMIUM</c> when set and not empty, else <see cref="DefaultPath"/>.</summary>
    public static ChromiumOptions FromEnvironment() =>
        new(Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path ? path : DefaultPath);
}
