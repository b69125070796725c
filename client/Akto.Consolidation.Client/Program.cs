using System.Text;
using Akto.Consolidation.Client;

Console.OutputEncoding = Encoding.UTF8;
return AktoCommandLine.Run(args, Console.Out, Console.Error);
