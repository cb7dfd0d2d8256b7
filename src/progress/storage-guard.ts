/**
 * A tiny static script, first in every page's `<head>` (astro.config.mjs, Starlight `head`), so
 * that no state of the browser's storage can break a page:
 * - when reading `localStorage` throws (storage blocked by the browser or a policy), it puts an
 *   in-memory Storage in its place, so Starlight's theme script, which reads `localStorage`
 *   unguarded, keeps working; it marks `<html data-storage="memory">` so the progress binding
 *   knows nothing is saved and tells the learner;
 * - a stored theme other than Starlight's values (`light`, `dark`, `auto` or empty) is removed,
 *   because Starlight's theme script builds a selector from it and throws on every page;
 * - a failing write (storage full) of a key that is not ours is absorbed, because Starlight saves
 *   the theme on every load; the theme still changes for the page. Our own keys still throw, so
 *   the progress store can tell the learner their ticks were not saved.
 * Static text, so a CSP hash covers it.
 */
export const STORAGE_GUARD_SCRIPT =
	"try{localStorage.length}catch(e){try{var m=new Map;Object.defineProperty(window,'localStorage',{configurable:true,value:{get length(){return m.size},key:function(i){var k=Array.from(m.keys())[i];return k===undefined?null:k},getItem:function(k){return m.has(k)?m.get(k):null},setItem:function(k,v){m.set(String(k),String(v))},removeItem:function(k){m.delete(String(k))},clear:function(){m.clear()}}});document.documentElement.dataset.storage='memory'}catch(e){}}" +
	"try{var t=localStorage.getItem('starlight-theme');if(t&&!/^(light|dark|auto)$/.test(t))localStorage.removeItem('starlight-theme')}catch(e){}" +
	"try{var S=Storage.prototype,w=S.setItem;S.setItem=function(k,v){try{w.call(this,k,v)}catch(e){if(String(k).indexOf('backend-roadmaps:')===0)throw e}}}catch(e){}";
