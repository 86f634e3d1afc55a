using Transcoding.Ops;

return await OpsApp.RunAsync(args);
