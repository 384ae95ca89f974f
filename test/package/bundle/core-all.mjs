// A page that takes the whole core.
import * as astreinte from 'astreinte';

globalThis.astreinte = astreinte;
