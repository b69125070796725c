using Spectre.Console;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// Spectre.Console over the command's output writer. Colours, live redraws and progress bars only on a real terminal;
/// redirected output (a file, a pipe, a test's writer) gets plain text at a fixed width, so tables render the same
/// every time.
/// </summary>
internal static class Terminal
{
    public static IAnsiConsole For(TextWriter output)
    {
        var interactive = IsTerminal(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!interactive)
        {
            console.Profile.Width = 160;
        }

        return console;
    }

    /// <summary>The process's own standard output, not redirected.</summary>
    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
}
