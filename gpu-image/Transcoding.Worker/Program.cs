using Microsoft.Extensions.Hosting;
using Transcoding.Worker;

if (WorkerCommand.Parse(args, Environment.GetEnvironmentVariable("RUNPOD_WEBHOOK_GET_JOB")) is not { } command)
{
    Console.Error.WriteLine(WorkerCommand.Usage);
    return 2;
}

var builder = Host.CreateApplicationBuilder(Extensions.HostSettings());
builder.AddWorker(command);
using var host = builder.Build();
return await host.RunWorkerAsync(command);
