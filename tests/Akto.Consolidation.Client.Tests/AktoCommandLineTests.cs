using Akto.Consolidation.Client.Tests.Commands;

namespace Akto.Consolidation.Client.Tests;

/// <summary>Usage errors of the command line: exit 2 (as documented), every error printed, nothing run.</summary>
public sealed class AktoCommandLineTests
{
    [Fact]
    public void An_unknown_option_and_a_bad_value_exit_2_naming_both()
    {
        var (exit, output, error) = CliRun.InProcess("status", "--no-such-option", "--year", "x");

        Assert.Equal(2, exit);
        Assert.Contains("'--no-such-option'", error, StringComparison.Ordinal);
        Assert.Contains("'x' for option '--year'", error, StringComparison.Ordinal);
        Assert.Contains("akto --help", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public void A_missing_argument_exits_2()
    {
        var (exit, _, error) = CliRun.InProcess("validate");

        Assert.Equal(2, exit);
        Assert.Contains("'validate'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_command_exits_2()
    {
        var (exit, _, error) = CliRun.InProcess("no-such-command");

        Assert.Equal(2, exit);
        Assert.Contains("no-such-command", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_is_not_a_usage_error()
    {
        var (exit, output, error) = CliRun.InProcess("--help");

        Assert.Equal(0, exit);
        Assert.Contains("validate", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }
}
