/**
 * A tiny static script, first in every page's `<head>` (astro.config.mjs, Starlight `head`): when
 * reading `localStorage` throws (storage blocked by the browser or a policy), it puts an in-memory
 * Storage in its place so Starlight's own theme script, which reads `localStorage` unguarded, and
 * the rest of the page keep working. It marks `<html data-storage="memory">` so the progress
 * binding knows nothing is being saved and tells the learner. Static text, so a CSP hash covers it.
 */
export const STORAGE_GUARD_SCRIPT =
	"try{localStorage.length}catch(e){try{var m=new Map;Object.defineProperty(window,'localStorage',{configurable:true,value:{get length(){return m.size},key:function(i){var k=Array.from(m.keys())[i];return k===undefined?null:k},getItem:function(k){return m.has(k)?m.get(k):null},setItem:function(k,v){m.set(String(k),String(v))},removeItem:function(k){m.delete(String(k))},clear:function(){m.clear()}}});document.documentElement.dataset.storage='memory'}catch(e){}}";
