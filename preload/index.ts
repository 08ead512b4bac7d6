// Preload for the main window. Runs sandboxed, so it is bundled to CommonJS and may only require
// the renderer-side electron module. It exposes the contract API and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { DESK_API_KEY, createDeskApi } from './api';

contextBridge.exposeInMainWorld(DESK_API_KEY, createDeskApi(ipcRenderer));
