using Transcoding.Ops;

return await OpsApp.Create().RunAsync(args);
