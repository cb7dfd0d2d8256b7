import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseResult {
	path: string;
	/** 0–100 per category. */
	scores: Record<string, number | null>;
	/** Audits that cost points: category, id, title and what Lighthouse measured. */
	failing: {
		category: string;
		id: string;
		title: string;
		displayValue?: string;
	}[];
}

/** Lighthouse with its default (mobile) settings on each path, in one Chromium. */
export async function runLighthouse(baseURL: string, paths: string[]): Promise<LighthouseResult[]> {
	const chrome = await chromeLauncher.launch({
		chromePath: CHROMIUM_PATH,
		chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
	});
	const results: LighthouseResult[] = [];
	try {
		for (const path of paths) {
			const runner = await lighthouse(baseURL + path, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: [...CATEGORIES],
			});
			if (!runner) throw new Error(`Lighthouse returned nothing for ${path}`);
			const { categories, audits } = runner.lhr;
			const scores: LighthouseResult['scores'] = {};
			const failing: LighthouseResult['failing'] = [];
			for (const id of CATEGORIES) {
				const category = categories[id];
				scores[id] = category?.score == null ? null : Math.round(category.score * 100);
				for (const ref of category?.auditRefs ?? []) {
					const audit = audits[ref.id];
					if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
						failing.push({
							category: id,
							id: ref.id,
							title: audit.title,
							displayValue: audit.displayValue,
						});
					}
				}
			}
			results.push({ path, scores, failing });
		}
	} finally {
		chrome.kill();
	}
	return results;
}
