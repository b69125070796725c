using Akto.Consolidation.Silo.Hosting;

return await SiloCommandLine.RunAsync(args);
