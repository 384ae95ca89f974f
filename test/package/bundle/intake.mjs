// An intake page: the caller's message read into callback windows as the coordinator types.
import { readCallbackWindows } from 'astreinte';

globalThis.readCallbackWindows = readCallbackWindows;
