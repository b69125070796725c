using System.Diagnostics;

namespace Akto.Consolidation.Reporting.Pdf.Tests;

/// <summary>Reads a printed PDF back with poppler-utils (<c>pdftotext -layout</c>, <c>pdffonts</c>), installed by scripts/ensure-browser.sh.</summary>
internal static class PopplerTools
{
    /// <summary>The text of every page, in order (pdftotext separates pages with a form feed).</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        var text = Run("pdftotext", pdf, "-layout", "-enc", "UTF-8", "{0}", "-");
        return text.Split('\f').SkipLast(1).ToList();
    }

    /// <summary>The font table of <c>pdffonts</c>: one line per font after the two heading lines.</summary>
    public static IReadOnlyList<string> Fonts(byte[] pdf) =>
        Run("pdffonts", pdf, "{0}").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

    private static string Run(string tool, byte[] pdf, params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"akto-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument.Replace("{0}", file, StringComparison.Ordinal));
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {errors.Result}");
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
