import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, IPC_COMMAND, IPC_INVOKE, type Bridge } from '../common/bridge';

// The page gets exactly this object: one typed call and one command listener. Never ipcRenderer itself.
const bridge: Bridge = {
  invoke: (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
  onCommand(listener) {
    const wrapped = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on(IPC_COMMAND, wrapped);
    return () => ipcRenderer.removeListener(IPC_COMMAND, wrapped);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
