using System.CommandLine;
using System.Text;
using Akto.Consolidation.Client.Commands;

Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand("akto — 阿克陶县预算汇总: validate budget documents and render disclosure tables (单位预算公开表).");
root.Subcommands.Add(ValidateCommand.Create(Console.Out, Console.Error));
root.Subcommands.Add(DisclosureCommand.Create(Console.Out, Console.Error));
return root.Parse(args).Invoke();
