import { memberKey, type Concept } from './concepts.ts';

/**
 * Concepts (content/concepts.yaml) with each member placed on the site: its roadmap's short
 * title, its chapter page and phase. The site reads them through `getConcepts()`
 * (src/navigation/chapters.ts), built once per build from the cached chapter list; this module is
 * the pure part, so unit tests build it from the real content without Astro.
 */

/** A concept's member item, where a page links to it. */
export interface ConceptMemberLink {
	/** The member's roadmap id. */
	roadmap: string;
	/** The roadmap's short title, e.g. "Node + PostgreSQL". */
	roadmapTitle: string;
	/** The chapter page that lists the item, with the base path (append `#id` for the item). */
	href: string;
	phase: number | undefined;
	phaseTitle: string | undefined;
	/** The item's id: its anchor on the chapter page. */
	id: string;
}

/** A concept with its members, in home-page roadmap order, then phase order. */
export interface LinkedConcept {
	id: string;
	name: string;
	members: ConceptMemberLink[];
}

/** An item's concept, as its page shows it: the concept and the concept's other members. */
export interface ItemConcept {
	id: string;
	name: string;
	/** Every member but the item itself, in home-page roadmap order, then phase order. */
	others: ConceptMemberLink[];
}

/** The concepts of a site, and each member item's concept. */
export interface SiteConcepts {
	/** Concepts in file order; members the site has no chapter for are left out. */
	concepts: LinkedConcept[];
	/** The concept of `roadmap`'s item `id`, or `undefined` when it is in none. */
	of(roadmap: string, id: string): ItemConcept | undefined;
}

/**
 * What `linkConcepts` reads of each roadmap and chapter; `RoadmapWithChapters`
 * (src/navigation/chapters.ts) has this shape.
 */
export interface RoadmapPlaces {
	roadmap: { id: string; data: { shortTitle: string } };
	chapters: readonly {
		href: string;
		entry: { data: { phase?: number | undefined; phaseTitle?: string | undefined } };
		/** The chapter's leaf item ids. */
		itemIds: readonly string[];
	}[];
}

/**
 * Places every member of `concepts` on the site's chapters (`roadmaps` in home-page order).
 * A member no chapter lists is left out (the build's content checks report it), and so is a
 * concept left with fewer than two members: it links nothing.
 */
export function linkConcepts(
	concepts: readonly Pick<Concept, 'id' | 'name' | 'members'>[],
	roadmaps: readonly RoadmapPlaces[],
): SiteConcepts {
	const places = memberPlaces(
		new Set(concepts.flatMap(({ members }) => members.map((m) => memberKey(m.roadmap, m.id)))),
		roadmaps,
	);
	const linked: LinkedConcept[] = [];
	const byMember = new Map<string, ItemConcept>();
	for (const { id, name, members } of concepts) {
		const found = members
			.flatMap((member) => places.get(memberKey(member.roadmap, member.id)) ?? [])
			.sort((a, b) => a.order - b.order || (a.phase ?? 0) - (b.phase ?? 0));
		if (found.length < 2) continue;
		const links = found.map(({ order: _order, ...link }) => link);
		linked.push({ id, name, members: links });
		for (const member of links) {
			byMember.set(memberKey(member.roadmap, member.id), {
				id,
				name,
				others: links.filter((other) => other !== member),
			});
		}
	}
	return {
		concepts: linked,
		of: (roadmap, id) => byMember.get(memberKey(roadmap, id)),
	};
}

/**
 * Where each of the `wanted` member keys is on the site, with its roadmap's place in home-page
 * order. Only concept members are placed: every item of a 5,000-chapter site, placed, was 240,000
 * objects, kept as long as the concepts were.
 */
function memberPlaces(
	wanted: ReadonlySet<string>,
	roadmaps: readonly RoadmapPlaces[],
): Map<string, ConceptMemberLink & { order: number }> {
	const places = new Map<string, ConceptMemberLink & { order: number }>();
	if (wanted.size === 0) return places;
	for (const [order, { roadmap, chapters }] of roadmaps.entries()) {
		for (const { href, entry, itemIds } of chapters) {
			for (const id of itemIds) {
				const key = memberKey(roadmap.id, id);
				if (!wanted.has(key)) continue;
				places.set(key, {
					roadmap: roadmap.id,
					roadmapTitle: roadmap.data.shortTitle,
					href,
					phase: entry.data.phase,
					phaseTitle: entry.data.phaseTitle,
					id,
					order,
				});
			}
		}
	}
	return places;
}

/**
 * Each concept's member keys (`roadmap/item-id`), for a page's progress data: the concepts with a
 * member among `shown`, the member keys of the items the page shows or counts. All members of
 * each such concept are listed, in every roadmap; concepts the page has no item of are left out.
 */
export function conceptKeys(site: SiteConcepts, shown: ReadonlySet<string>): string[][] {
	return site.concepts
		.map(({ members }) => members.map((member) => memberKey(member.roadmap, member.id)))
		.filter((keys) => keys.some((key) => shown.has(key)));
}
