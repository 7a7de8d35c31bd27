using RealTimeAuth.LoadDriver.Cli;

// Usage (from the repository root):
//   dotnet run -c Release --project benchmarks/RealTimeAuth.LoadDriver -- revocation --agents 1,100,1000 --revocations 200
//   dotnet run -c Release --project benchmarks/RealTimeAuth.LoadDriver -- exchange --seconds 20 --concurrency 16
//   dotnet run -c Release --project benchmarks/RealTimeAuth.LoadDriver -- authzen --connections 32 --seconds 20
//   dotnet run -c Release --project benchmarks/RealTimeAuth.LoadDriver -- storm --agents 10000 --storms 20
//   dotnet run -c Release --project benchmarks/RealTimeAuth.LoadDriver -- soak --agents 1000 --rate 500 --minutes 30
//   dotnet run -c Release --project benchmarks/RealTimeAuth.LoadDriver -- faults --scenario redis,postgres,replica,slow
// Tables go to standard output, progress to standard error, CSV to --out (default under this project's bin folder),
// and a PNG chart beside each CSV.
return await DriverCommands.RunAsync(args);
